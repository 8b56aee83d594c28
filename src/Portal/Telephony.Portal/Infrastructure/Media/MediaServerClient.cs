using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Telephony.Portal.Domain;

namespace Telephony.Portal.Infrastructure.Media;

/// <summary>
/// The media server's internal HTTP API (<see cref="PortalOptions.MediaServerUrl"/>): an
/// announcement's converted audio, and text-to-speech. Its refusals come back as validation
/// errors on <c>Text</c>; a media server that does not answer as <see cref="ErrorKind.Unavailable"/>.
/// </summary>
public sealed partial class MediaServerClient(HttpClient http, ILogger<MediaServerClient> logger)
{
    public const string TextField = "Text";

    private static readonly Error Down = Error.Unavailable("media.unavailable", "The media server does not answer right now; try again in a moment.");

    /// <summary>The announcement's converted audio as WAV, or null when the media server has none.</summary>
    public async Task<Result<byte[]?>> AnnouncementAsync(Guid tenantId, Guid announcementId, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync($"internal/announcements/{tenantId:D}/{announcementId:D}", cancellationToken);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return Result.Success<byte[]?>(null);
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception ex) when (Unanswered(ex, cancellationToken))
        {
            LogUnavailable(logger, ex);
            return Down;
        }
    }

    /// <summary>The text spoken as WAV (8 kHz mono 16-bit), or the media server's reason for refusing it.</summary>
    public async Task<Result<byte[]>> SpeakAsync(string text, string language, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.PostAsJsonAsync("internal/tts", new { text, language }, cancellationToken);
            if (response.StatusCode == HttpStatusCode.BadRequest)
            {
                using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                var root = problem.RootElement;
                return Error.Validation(
                    root.TryGetProperty("code", out var code) ? code.GetString() ?? "speech.refused" : "speech.refused",
                    root.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "This text cannot be spoken." : "This text cannot be spoken.",
                    TextField);
            }

            response.EnsureSuccessStatusCode();
            return await response.Content.ReadAsByteArrayAsync(cancellationToken);
        }
        catch (Exception ex) when (Unanswered(ex, cancellationToken) || ex is JsonException)
        {
            LogUnavailable(logger, ex);
            return Down;
        }
    }

    /// <summary>Refused, unreachable, failed, or timed out (not cancelled by our caller).</summary>
    private static bool Unanswered(Exception exception, CancellationToken cancellationToken) =>
        exception is HttpRequestException || (exception is TaskCanceledException && !cancellationToken.IsCancellationRequested);

    [LoggerMessage(EventId = 1801, Level = LogLevel.Warning, Message = "The media server's HTTP API failed")]
    private static partial void LogUnavailable(ILogger logger, Exception exception);
}
