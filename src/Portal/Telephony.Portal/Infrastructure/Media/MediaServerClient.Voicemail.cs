using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Telephony.Portal.Domain;

namespace Telephony.Portal.Infrastructure.Media;

/// <summary>One voicemail message (V-WEB): who called, when, how long, new or saved.</summary>
public sealed record VoicemailMessageInfo(
    Guid Id,
    Guid BoxId,
    string? CallerNumber,
    string? CallerName,
    DateTime ReceivedAt,
    double DurationSeconds,
    [property: JsonConverter(typeof(JsonStringEnumConverter<VoicemailMessageState>))] VoicemailMessageState State,
    DateTime? HeardAt);

/// <summary>A message not listened to yet lights the phone (V-MWI); a heard one is kept as saved.</summary>
public enum VoicemailMessageState
{
    New,
    Saved,
}

/// <summary>A message's audio as the media server gives it.</summary>
public sealed record VoicemailAudio(byte[] Content, string ContentType);

/// <summary>
/// The media server's voicemail API (ADR 15): boxes and messages live there; the Portal shows
/// and changes them for the tenant it authenticated, which is the tenant of every path.
/// </summary>
public sealed partial class MediaServerClient
{
    public static readonly Error NoSuchMessage = Error.NotFound("voicemail.message-not-found", "There is no such voicemail message.");

    public Task<Result<IReadOnlyList<VoicemailMessageInfo>>> VoicemailMessagesAsync(Guid tenantId, Guid boxId, CancellationToken cancellationToken) =>
        AskAsync(() => http.GetAsync($"internal/voicemail/{tenantId:D}/boxes/{boxId:D}/messages", cancellationToken),
            async response => (IReadOnlyList<VoicemailMessageInfo>)(await response.Content.ReadFromJsonAsync<List<VoicemailMessageInfo>>(cancellationToken))!, cancellationToken);

    /// <summary>The message, or NotFound when the tenant has no such message.</summary>
    public Task<Result<VoicemailMessageInfo>> VoicemailMessageAsync(Guid tenantId, Guid messageId, CancellationToken cancellationToken) =>
        AskAsync(() => http.GetAsync($"internal/voicemail/{tenantId:D}/messages/{messageId:D}", cancellationToken),
            async response => (await response.Content.ReadFromJsonAsync<VoicemailMessageInfo>(cancellationToken))!, cancellationToken);

    /// <summary>The message's audio, WAV ("wav") or MP3 ("mp3").</summary>
    public Task<Result<VoicemailAudio>> VoicemailAudioAsync(Guid tenantId, Guid messageId, string format, CancellationToken cancellationToken) =>
        AskAsync(() => http.GetAsync($"internal/voicemail/{tenantId:D}/messages/{messageId:D}/audio?format={format}", cancellationToken),
            async response => new VoicemailAudio(await response.Content.ReadAsByteArrayAsync(cancellationToken), response.Content.Headers.ContentType?.MediaType ?? "audio/wav"), cancellationToken);

    /// <summary>Marks the message heard (Saved), new again, or deletes it.</summary>
    public Task<Result<bool>> ChangeVoicemailMessageAsync(Guid tenantId, Guid messageId, VoicemailMessageChange change, CancellationToken cancellationToken) =>
        AskAsync(() => change switch
        {
            VoicemailMessageChange.Heard => http.PostAsync($"internal/voicemail/{tenantId:D}/messages/{messageId:D}/heard", null, cancellationToken),
            VoicemailMessageChange.New => http.PostAsync($"internal/voicemail/{tenantId:D}/messages/{messageId:D}/new", null, cancellationToken),
            _ => http.DeleteAsync($"internal/voicemail/{tenantId:D}/messages/{messageId:D}", cancellationToken),
        }, _ => Task.FromResult(true), cancellationToken);

    /// <summary>One call to the voicemail API: its answer read, 404 as NoSuchMessage, no answer as Unavailable.</summary>
    private async Task<Result<T>> AskAsync<T>(Func<Task<HttpResponseMessage>> send, Func<HttpResponseMessage, Task<T>> read, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await send();
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                return NoSuchMessage;
            }

            response.EnsureSuccessStatusCode();
            return await read(response);
        }
        catch (Exception ex) when (Unanswered(ex, cancellationToken))
        {
            LogUnavailable(logger, ex);
            return Down;
        }
    }
}

public enum VoicemailMessageChange
{
    Heard,
    New,
    Deleted,
}
