using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Telephony.ServiceDefaults.Data;

/// <summary>
/// All stored instants are UTC. SQLite reads DateTime back with an unspecified kind and
/// Npgsql refuses non-UTC values for <c>timestamp with time zone</c>; this converter makes
/// both engines agree.
/// </summary>
public sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    v => v.Kind == DateTimeKind.Utc ? v : DateTime.SpecifyKind(v.ToUniversalTime(), DateTimeKind.Utc),
    v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
