using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Voicemail;

/// <summary>
/// The internal voicemail API on the media server's HTTP port, for the Portal (V-WEB, V-EMAIL),
/// which proxies it behind its own authentication: the tenant in the path is the one the Portal
/// authenticated, trusted like CallControl's URIs (ADR 15). Every lookup is scoped by it, so a
/// message of another tenant is 404. Errors are RFC 7807 problem details.
/// </summary>
public static class VoicemailEndpoints
{
    public const string Prefix = "/internal/voicemail/{tenantId}";

    public static IEndpointRouteBuilder MapVoicemail(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).ExcludeFromDescription();
        api.MapGet("/boxes/{boxId}", BoxAsync);
        api.MapGet("/boxes/{boxId}/messages", MessagesAsync);
        api.MapGet("/messages/{messageId}", MessageAsync);
        api.MapGet("/messages/{messageId}/audio", AudioAsync);
        api.MapPost("/messages/{messageId}/heard", (string tenantId, string messageId, VoicemailStore store, CancellationToken ct) =>
            ChangeAsync(tenantId, messageId, store.MarkHeardAsync, ct));
        api.MapPost("/messages/{messageId}/new", (string tenantId, string messageId, VoicemailStore store, CancellationToken ct) =>
            ChangeAsync(tenantId, messageId, store.MarkNewAsync, ct));
        api.MapDelete("/messages/{messageId}", (string tenantId, string messageId, VoicemailStore store, CancellationToken ct) =>
            ChangeAsync(tenantId, messageId, store.DeleteAsync, ct));
        return endpoints;
    }

    /// <summary>A box's counts and settings; a box nobody has called yet has none of either.</summary>
    private static async Task<IResult> BoxAsync(string tenantId, string boxId, VoicemailStore store, CancellationToken cancellationToken)
    {
        if (!AudioStore.TryParseId(tenantId, out var tenant) || !AudioStore.TryParseId(boxId, out var box))
        {
            return BadId();
        }

        var view = await store.ViewAsync(tenant, box, cancellationToken);
        return Results.Ok(new BoxResponse(
            box,
            view?.NewMessages ?? 0,
            view?.SavedMessages ?? 0,
            view?.Version ?? 0,
            Math.Round(view?.Stored.TotalSeconds ?? 0, 3),
            view?.HasPin ?? false,
            view?.AnsweringMachineOnly ?? false,
            view?.CallbackAfterDeposit ?? false));
    }

    private static async Task<IResult> MessagesAsync(string tenantId, string boxId, VoicemailStore store, CancellationToken cancellationToken)
    {
        if (!AudioStore.TryParseId(tenantId, out var tenant) || !AudioStore.TryParseId(boxId, out var box))
        {
            return BadId();
        }

        var messages = await store.ListAsync(tenant, box, null, cancellationToken);
        return Results.Ok(messages.OrderByDescending(m => m.ReceivedAt).Select(MessageResponse.Of));
    }

    private static async Task<IResult> MessageAsync(string tenantId, string messageId, VoicemailStore store, CancellationToken cancellationToken)
    {
        if (!AudioStore.TryParseId(tenantId, out var tenant) || !AudioStore.TryParseId(messageId, out var id))
        {
            return BadId();
        }

        return await store.FindAsync(tenant, id, cancellationToken) is { } message ? Results.Ok(MessageResponse.Of(message)) : NoSuchMessage();
    }

    /// <summary>The message's audio: WAV as stored (8 kHz mono 16-bit), or MP3 converted by ffmpeg.</summary>
    private static async Task<IResult> AudioAsync(string tenantId, string messageId, string? format, VoicemailStore store, AudioConverter converter, CancellationToken cancellationToken)
    {
        if (!AudioStore.TryParseId(tenantId, out var tenant) || !AudioStore.TryParseId(messageId, out var id))
        {
            return BadId();
        }

        var kind = format?.ToLowerInvariant() ?? "wav";
        if (kind is not ("wav" or "mp3"))
        {
            return Results.Problem(statusCode: 400, title: "Unknown audio format", detail: "format is wav or mp3.");
        }

        if (await store.ReadAudioAsync(tenant, id, cancellationToken) is not { } samples)
        {
            return NoSuchMessage();
        }

        if (kind == "wav")
        {
            return Results.File(TelephonyAudio.Write(samples), "audio/wav", $"{id}.wav");
        }

        return await converter.EncodeMp3Async(samples, cancellationToken) is { } mp3
            ? Results.File(mp3, "audio/mpeg", $"{id}.mp3")
            : Results.Problem(statusCode: 503, title: "Conversion failed", detail: "The message could not be converted to MP3; try again or take the WAV.");
    }

    private static async Task<IResult> ChangeAsync(string tenantId, string messageId, Func<Guid, Guid, CancellationToken, Task<bool>> change, CancellationToken cancellationToken)
    {
        if (!AudioStore.TryParseId(tenantId, out var tenant) || !AudioStore.TryParseId(messageId, out var id))
        {
            return BadId();
        }

        return await change(tenant, id, cancellationToken) ? Results.NoContent() : NoSuchMessage();
    }

    private static IResult BadId() =>
        Results.Problem(statusCode: 400, title: "Invalid id", detail: "Tenant, box and message ids are Guids (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx).");

    private static IResult NoSuchMessage() =>
        Results.Problem(statusCode: 404, title: "No such voicemail message", detail: "There is no such message in this tenant.");

    public sealed record BoxResponse(
        Guid BoxId,
        int NewMessages,
        int SavedMessages,
        long Version,
        double StoredSeconds,
        bool HasPin,
        bool AnsweringMachineOnly,
        bool CallbackAfterDeposit);

    public sealed record MessageResponse(
        Guid Id,
        Guid BoxId,
        string? CallerNumber,
        string? CallerName,
        DateTime ReceivedAt,
        double DurationSeconds,
        string State,
        DateTime? HeardAt)
    {
        public static MessageResponse Of(VoicemailMessage message) => new(
            message.Id,
            message.BoxId,
            message.CallerNumber,
            message.CallerName,
            message.ReceivedAt,
            Math.Round(message.Duration.TotalSeconds, 3),
            message.State == VoicemailState.New ? "new" : "saved",
            message.HeardAt);
    }
}
