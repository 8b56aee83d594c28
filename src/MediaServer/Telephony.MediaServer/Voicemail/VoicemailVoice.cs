using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Voicemail;

/// <summary>The prompts of one voicemail call, in its language, as labelled clips.</summary>
internal sealed class VoicemailVoice(PromptLibrary prompts, string language)
{
    public AudioClip Prompt(string name) => new("prompt:" + name, prompts.Get(name, language).ToArray());

    /// <summary>"You have 2 new messages and 1 saved message" (V-ACCESS).</summary>
    public AudioClip Summary(VoicemailBoxView box) =>
        new($"summary:{box.NewMessages}/{box.SavedMessages}", prompts.MessageSummary(box.NewMessages, box.SavedMessages, language));

    /// <summary>
    /// What a caller hears before the tone: the personal greeting; else "you have reached" with
    /// the owner's recorded name, or with the line's number digit by digit, then "leave a message".
    /// </summary>
    public AudioClip Greeting(string? number, short[]? personal, short[]? name)
    {
        if (personal is not null)
        {
            return new AudioClip("greeting:personal", personal);
        }

        if (name is not null)
        {
            var reached = prompts.Get(PromptNames.YouHaveReached, language);
            var leave = prompts.Get(PromptNames.LeaveMessage, language);
            return new AudioClip("greeting:name", [.. reached.Span, .. name, .. leave.Span]);
        }

        return new AudioClip("greeting:standard", prompts.StandardGreeting(number ?? "", language));
    }
}
