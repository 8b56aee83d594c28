using Telephony.Portal.Infrastructure.Api;
using Telephony.Portal.Infrastructure.Media;

namespace Telephony.Portal.Features.Voicemail;

/// <summary>V-WEB: a line's voicemail messages, their audio, heard/new and delete.</summary>
internal static class VoicemailEndpoints
{
    public static void MapVoicemailEndpoints(this RouteGroupBuilder api)
    {
        var voicemail = api.MapGroup("/lines/{lineId:guid}/voicemail").WithTags("Voicemail");
        voicemail.MapGet("", async (LineVoicemail box, Guid lineId, CancellationToken ct) => (await box.GetAsync(lineId, ct)).ToOk())
            .WithName("GetVoicemail").WithSummary("The line's voicemail box: new and saved counts, messages newest first (V-WEB).");
        voicemail.MapGet("/messages/{messageId:guid}/audio", async (LineVoicemail box, Guid lineId, Guid messageId, string? format, CancellationToken ct) =>
                await box.AudioAsync(lineId, messageId, format, ct) is var audio && audio.Succeeded
                    ? Results.File(audio.Value!.Content, audio.Value.ContentType, $"voicemail-{messageId:N}.{(audio.Value.ContentType == "audio/mpeg" ? "mp3" : "wav")}")
                    : (IResult)audio.Error!.ToProblem())
            .Produces(StatusCodes.Status200OK, contentType: "audio/wav")
            .WithName("GetVoicemailAudio").WithSummary("Listen to or download a message: format=wav (default) or mp3.");
        voicemail.MapPost("/messages/{messageId:guid}/heard", async (LineVoicemail box, Guid lineId, Guid messageId, CancellationToken ct) =>
                (await box.ChangeAsync(lineId, messageId, VoicemailMessageChange.Heard, ct)).ToOk())
            .WithName("MarkVoicemailHeard").WithSummary("Mark a message heard: it becomes saved.");
        voicemail.MapPost("/messages/{messageId:guid}/new", async (LineVoicemail box, Guid lineId, Guid messageId, CancellationToken ct) =>
                (await box.ChangeAsync(lineId, messageId, VoicemailMessageChange.New, ct)).ToOk())
            .WithName("MarkVoicemailNew").WithSummary("Mark a message new again (the phone's message light comes on).");
        voicemail.MapDelete("/messages/{messageId:guid}", async (LineVoicemail box, Guid lineId, Guid messageId, CancellationToken ct) =>
                (await box.ChangeAsync(lineId, messageId, VoicemailMessageChange.Deleted, ct)).ToOk())
            .WithName("DeleteVoicemail").WithSummary("Delete a message.");
    }
}
