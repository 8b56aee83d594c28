using Microsoft.AspNetCore.Http.HttpResults;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.Lines;

/// <summary>The line page's service blocks (SPEC section 4): each PUT replaces one block whole; omitted fields take their off/default value.</summary>
internal static class LineServiceEndpoints
{
    private static async Task<Results<Ok<LineServices>, ProblemHttpResult>> UploadRecordingAsync(LineRecordings recordings, Guid lineId, AnnouncementUse use, HttpRequest request, CancellationToken cancellationToken) =>
        (await recordings.UploadAsync(lineId, use, request.Body, request.ContentLength, cancellationToken)).ToOk();

    public static void MapLineServiceEndpoints(this RouteGroupBuilder api)
    {
        var services = api.MapGroup("/lines/{lineId:guid}/services").WithTags("Line services");
        services.MapGet("", async (ChangeLineServices change, Guid lineId, CancellationToken ct) => (await change.GetAsync(lineId, ct)).ToOk())
            .WithName("GetLineServices");
        services.MapPut("/outgoing-calls", async (ChangeLineServices change, Guid lineId, OutgoingCalls body, CancellationToken ct) => (await change.OutgoingCallsAsync(lineId, body, ct)).ToOk())
            .WithName("SetOutgoingCalls").WithSummary("Number presentation, callback on busy, restriction profile (L-CLI, L-CCBS, L-RESTRICT).");
        services.MapPut("/incoming-calls", async (ChangeLineServices change, Guid lineId, IncomingCalls body, CancellationToken ct) => (await change.IncomingCallsAsync(lineId, body, ct)).ToOk())
            .WithName("SetIncomingCalls").WithSummary("Do not disturb, anonymous rejection, call waiting, distinctive ring, ring several numbers (L-DND, L-ANON, L-CW, L-DISTRING, L-MULTIRING).");
        services.MapPut("/announcements", async (ChangeLineServices change, Guid lineId, LineAnnouncements body, CancellationToken ct) => (await change.AnnouncementsAsync(lineId, body, ct)).ToOk())
            .WithName("SetLineAnnouncements").WithSummary("Greeting, hold and call-waiting announcements (L-GREETING, L-HOLDANN, L-CWANN).");
        services.MapPut("/announcements/{use}/recording", UploadRecordingAsync)
            .Accepts<byte[]>("audio/mpeg", "audio/wav")
            .WithName("UploadAnnouncementRecording")
            .WithSummary("Upload the line's own recording for the greeting, hold or call waiting (body: the MP3 or WAV file, at most 3 MB and 2 minutes); it replaces the previous one and is played (S-ANN).");
        services.MapGet("/announcements/{use}/recording", async (LineRecordings recordings, Guid lineId, AnnouncementUse use, CancellationToken ct) =>
                await recordings.AudioAsync(lineId, use, ct) is var audio && audio.Succeeded ? Results.File(audio.Value!.Content, audio.Value.ContentType, audio.Value.FileName) : (IResult)audio.Error!.ToProblem())
            .Produces(StatusCodes.Status200OK, contentType: "audio/mpeg").WithName("GetAnnouncementRecording").WithSummary("Listen to the line's recording.");
        services.MapGet("/announcements/{use}/conversion", async (LineRecordings recordings, Guid lineId, AnnouncementUse use, CancellationToken ct) => (await recordings.ConversionAsync(lineId, use, ct)).ToOk())
            .WithName("GetAnnouncementConversion")
            .WithSummary("Where the media server's conversion of the recording is: Converting, Ready (with its duration, then played) or Refused (with the reason).");
        services.MapGet("/announcements/{use}/audio", async (LineRecordings recordings, Guid lineId, AnnouncementUse use, CancellationToken ct) =>
                await recordings.ConvertedAudioAsync(lineId, use, ct) is var audio && audio.Succeeded ? Results.File(audio.Value!, "audio/wav", $"{use.ToString().ToLowerInvariant()}.wav") : (IResult)audio.Error!.ToProblem())
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav").WithName("GetAnnouncementAudio")
            .WithSummary("Listen to the converted recording as callers hear it (WAV 8 kHz mono), once ready.");
        services.MapPut("/announcements/{use}/speech", async (LineRecordings recordings, Guid lineId, AnnouncementUse use, SpeechRequest body, CancellationToken ct) => (await recordings.SpeakAsync(lineId, use, body, ct)).ToOk())
            .WithName("SpeakAnnouncementRecording")
            .WithSummary("Make the recording from a text (at most 1,000 characters) spoken in French (fr) or English (en); it replaces the previous one like an upload (S-ANN).");
        services.MapDelete("/announcements/{use}/recording", async (LineRecordings recordings, Guid lineId, AnnouncementUse use, CancellationToken ct) => (await recordings.RemoveAsync(lineId, use, ct)).ToOk())
            .WithName("RemoveAnnouncementRecording").WithSummary("Remove the recording: the predefined announcement is played again.");
        services.MapPut("/blocked-numbers", async (ChangeLineServices change, Guid lineId, BlockedNumbersRequest body, CancellationToken ct) => (await change.BlockedNumbersAsync(lineId, body, ct)).ToOk())
            .WithName("SetBlockedNumbers").WithSummary("Replace the blocked numbers (at most 36); an empty list resets it (L-BLOCK).");
        services.MapPost("/blocked-numbers", async (ChangeLineServices change, Guid lineId, BlockNumberRequest body, CancellationToken ct) => (await change.BlockNumberAsync(lineId, body, ct)).ToOk())
            .WithName("BlockNumber");
        services.MapDelete("/blocked-numbers/{number}", async (ChangeLineServices change, Guid lineId, string number, CancellationToken ct) => (await change.UnblockNumberAsync(lineId, number, ct)).ToOk())
            .WithName("UnblockNumber");
        services.MapPut("/forwarding", async (ChangeLineServices change, Guid lineId, Forwarding body, CancellationToken ct) => (await change.ForwardingAsync(lineId, body, ct)).ToOk())
            .WithName("SetForwarding").WithSummary("Immediate, busy, no-answer, unreachable and scheduled forwards (L-FWD).");
        services.MapPut("/voicemail-notification", async (ChangeLineServices change, Guid lineId, VoicemailNotification body, CancellationToken ct) => (await change.VoicemailNotificationAsync(lineId, body, ct)).ToOk())
            .WithName("SetVoicemailNotification").WithSummary("New voicemail messages by e-mail (V-EMAIL).");
    }
}
