using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Voicemail;

/// <summary>
/// The voicemail service of the media server: a deposit (V-BOX) or the owner's menu (V-ACCESS)
/// on one call. A deposit plays the greeting (personal, or standard with the number), the tone,
/// then records the caller until they hang up, press # or reach 15 minutes (then "goodbye");
/// a full box says so and records nothing; an answering-machine-only box plays its greeting
/// and hangs up. # during the greeting is the owner calling from elsewhere: PIN, then the menu.
/// </summary>
public sealed partial class VoicemailService(VoicemailStore store, PromptLibrary prompts, ILogger<VoicemailService> logger)
{
    /// <summary>Runs the call until the service is done or the caller hangs up; the caller's SIP side then hangs up.</summary>
    public async Task RunAsync(VoicemailRequest request, VoicemailCaller caller, ICallChannel channel, string callId)
    {
        var voice = new VoicemailVoice(prompts, request.Language);
        try
        {
            if (request.Retrieve)
            {
                LogAccess(logger, callId, request.TenantId, request.BoxId, "own line");
                await Menu(request, voice, channel).RunAsync(pinRequired: false);
            }
            else
            {
                await DepositAsync(request, caller, voice, channel, callId);
            }
        }
        catch (OperationCanceledException)
        {
            // The caller hung up: nothing more to say.
        }
    }

    private async Task DepositAsync(VoicemailRequest request, VoicemailCaller caller, VoicemailVoice voice, ICallChannel channel, string callId)
    {
        var box = await store.OpenAsync(request.TenantId, request.BoxId, CancellationToken.None);
        var greeting = box.IsFull
            ? voice.Prompt(PromptNames.BoxFull)
            : voice.Greeting(
                request.Number,
                box.GreetingAudioId is { } greetingId ? await store.ReadBoxAudioAsync(request.TenantId, request.BoxId, greetingId, CancellationToken.None) : null,
                box.NameAudioId is { } nameId ? await store.ReadBoxAudioAsync(request.TenantId, request.BoxId, nameId, CancellationToken.None) : null);

        // The owner calling their own number from elsewhere, even when the box is full (V-ACCESS).
        if (await channel.PlayAsync(greeting, "#") == '#')
        {
            LogAccess(logger, callId, request.TenantId, request.BoxId, "remote");
            await Menu(request, voice, channel).RunAsync(pinRequired: true);
            return;
        }

        if (box.IsFull || box.AnsweringMachineOnly)
        {
            LogNoDeposit(logger, callId, box.IsFull ? "the box is full" : "the box is an answering machine only");
            return;
        }

        await channel.PlayAsync(voice.Prompt(PromptNames.Beep), null);
        LogRecording(logger, callId);
        var recording = await channel.RecordAsync(VoicemailLimits.MaxMessage, "#");
        // Kept even though the caller has gone: hanging up is how most messages end.
        var message = await store.DepositAsync(request.TenantId, request.BoxId, caller, recording.Samples, CancellationToken.None);
        if (message is null)
        {
            LogNotKept(logger, callId, recording.Samples.Length / TelephonyAudio.SampleRate);
        }
        else
        {
            LogDeposited(logger, callId, request.TenantId, request.BoxId, message.Id, message.Duration, recording.End);
        }

        if (recording.End == RecordingEnd.Key && message is not null)
        {
            await channel.PlayAsync(voice.Prompt(PromptNames.MessageSaved), null);
        }

        if (recording.End != RecordingEnd.HungUp)
        {
            await channel.PlayAsync(voice.Prompt(PromptNames.Goodbye), null);
        }
    }

    private VoicemailMenu Menu(VoicemailRequest request, VoicemailVoice voice, ICallChannel channel) =>
        new(store, voice, channel, request.TenantId, request.BoxId);

    [LoggerMessage(EventId = 6310, Level = LogLevel.Information, Message = "Call {CallId}: voicemail recording")]
    private static partial void LogRecording(ILogger logger, string callId);

    [LoggerMessage(EventId = 6311, Level = LogLevel.Information, Message = "Call {CallId}: voicemail message {MessageId} of {Duration} left in box {BoxId} of tenant {TenantId} (ended by {End})")]
    private static partial void LogDeposited(ILogger logger, string callId, Guid tenantId, Guid boxId, Guid messageId, TimeSpan duration, RecordingEnd end);

    [LoggerMessage(EventId = 6312, Level = LogLevel.Information, Message = "Call {CallId}: voicemail message of {Seconds} s not kept (nothing said)")]
    private static partial void LogNotKept(ILogger logger, string callId, int seconds);

    [LoggerMessage(EventId = 6313, Level = LogLevel.Information, Message = "Call {CallId}: no message can be left: {Reason}")]
    private static partial void LogNoDeposit(ILogger logger, string callId, string reason);

    [LoggerMessage(EventId = 6314, Level = LogLevel.Information, Message = "Call {CallId}: voicemail menu of box {BoxId} of tenant {TenantId} ({Path})")]
    private static partial void LogAccess(ILogger logger, string callId, Guid tenantId, Guid boxId, string path);
}
