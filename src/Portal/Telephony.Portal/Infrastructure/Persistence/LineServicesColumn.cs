using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Telephony.Portal.Domain.Lines.Services;

namespace Telephony.Portal.Infrastructure.Persistence;

/// <summary>
/// A line's services are one JSON document in the line's row: they are read and written with
/// the line, never queried on their own, and the same text column works on both engines.
/// </summary>
internal static class LineServicesColumn
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public static readonly ValueConverter<LineServices?, string?> Converter = new(
        services => services == null ? null : JsonSerializer.Serialize(services, Json),
        text => text == null ? null : JsonSerializer.Deserialize<LineServices>(text, Json));

    /// <summary>Compared by content: the records hold lists, which compare by reference.</summary>
    public static readonly ValueComparer<LineServices?> Comparer = new(
        (a, b) => Text(a) == Text(b),
        services => Text(services).GetHashCode(StringComparison.Ordinal),
        services => services);

    private static string Text(LineServices? services) => services is null ? "" : JsonSerializer.Serialize(services, Json);
}
