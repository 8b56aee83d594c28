using Microsoft.EntityFrameworkCore;

namespace Telephony.MediaServer.Persistence;

/// <summary>
/// MediaServer's own store (voicemail metadata, the audio catalogue). Its tables arrive with
/// the media issue; the store, its migrations history and its readiness check exist from the
/// start so every service has the same shape.
/// </summary>
public sealed class MediaServerDbContext(DbContextOptions<MediaServerDbContext> options) : DbContext(options);
