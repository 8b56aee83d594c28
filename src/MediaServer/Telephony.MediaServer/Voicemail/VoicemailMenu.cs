using System.Text;
using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Voicemail;

/// <summary>
/// V-ACCESS: the voice menu of one box for its owner, one instance per call. The key map
/// (docs/voicemail.md) follows common carrier voicemails: main menu 1 new messages, 2 saved
/// messages, 3 greetings, 4 settings; while or after a message plays 1 replay, 2 save,
/// 3 delete, 4 previous, 6 next, * back; a key interrupts the prompt or message playing.
/// Heard messages become Saved. Three silences in a row in a menu end the call.
/// Calling back a caller and forwarding to another box need CallControl and are not offered.
/// </summary>
internal sealed class VoicemailMenu(VoicemailStore store, VoicemailVoice voice, ICallChannel channel, Guid tenantId, Guid boxId)
{
    public const string AnyKey = "0123456789*#";

    /// <summary>How long a menu waits for a key after its prompt, and between the digits of a PIN.</summary>
    public static readonly TimeSpan KeyTimeout = TimeSpan.FromSeconds(5);

    public const int MaxSilences = 3;

    // A PIN is at most 8 digits; a few more keys are read so that a long entry is refused, not cut.
    private const int MaxDigitsRead = 16;

    /// <summary>
    /// Runs the menu: the PIN first when <paramref name="pinRequired"/> (remote access, 3
    /// attempts), else a PIN to choose when the box has none (first access), then the summary
    /// and the main menu until the caller hangs up or stays silent.
    /// </summary>
    public async Task RunAsync(bool pinRequired)
    {
        var box = await store.OpenAsync(tenantId, boxId, CancellationToken.None);
        var allowed = pinRequired ? box.HasPin && await AuthenticateAsync()
            : box.HasPin || await ChoosePinAsync();
        if (!allowed)
        {
            await SayAsync(PromptNames.Goodbye);
            return;
        }

        try
        {
            await MainMenuAsync();
        }
        catch (CallerSilentException)
        {
            await SayAsync(PromptNames.Goodbye);
        }
    }

    private async Task<bool> AuthenticateAsync()
    {
        for (var attempt = 0; attempt < VoicemailLimits.PinAttempts; attempt++)
        {
            var pin = await CollectAsync(voice.Prompt(PromptNames.EnterPin));
            if (pin.Length > 0 && await store.CheckPinAsync(tenantId, boxId, pin, CancellationToken.None))
            {
                return true;
            }

            await SayAsync(PromptNames.WrongPin);
        }

        return false;
    }

    /// <summary>A new PIN of 4-8 digits (serious products refuse a box without one).</summary>
    private async Task<bool> ChoosePinAsync()
    {
        for (var attempt = 0; attempt < VoicemailLimits.PinAttempts; attempt++)
        {
            var pin = await CollectAsync(voice.Prompt(PromptNames.ChoosePin));
            if (VoicemailLimits.IsValidPin(pin))
            {
                await store.SetPinAsync(tenantId, boxId, pin, CancellationToken.None);
                await SayAsync(PromptNames.PinChanged);
                return true;
            }

            await SayAsync(PromptNames.InvalidChoice);
        }

        return false;
    }

    private async Task MainMenuAsync()
    {
        var box = await store.OpenAsync(tenantId, boxId, CancellationToken.None);
        var key = await channel.PlayAsync(voice.Summary(box), AnyKey);
        while (true)
        {
            switch (await ChooseAsync(voice.Prompt(PromptNames.MainMenu), key))
            {
                case '1':
                    await ListenAsync(VoicemailState.New);
                    break;
                case '2':
                    await ListenAsync(VoicemailState.Saved);
                    break;
                case '3':
                    await GreetingMenuAsync();
                    break;
                case '4':
                    await SettingsMenuAsync();
                    break;
                case '*':
                    break;
                default:
                    await SayAsync(PromptNames.InvalidChoice);
                    break;
            }

            key = null;
        }
    }

    /// <summary>Plays the messages of one state, oldest first, with the message menu after each.</summary>
    private async Task ListenAsync(VoicemailState state)
    {
        var messages = await store.ListAsync(tenantId, boxId, state, CancellationToken.None);
        if (messages.Count == 0)
        {
            await SayAsync(PromptNames.NoMessages);
            return;
        }

        var index = 0;
        while (index < messages.Count)
        {
            var message = messages[index];
            var samples = await store.ReadAudioAsync(tenantId, message.Id, CancellationToken.None) ?? [];
            var key = await channel.PlayAsync(new AudioClip("message:" + message.Id.ToString("N")[..8], samples), AnyKey);
            if (message.State == VoicemailState.New)
            {
                await store.MarkHeardAsync(tenantId, message.Id, CancellationToken.None);
            }

            var next = await MessageMenuAsync(message, key, index);
            if (next is not { } moved)
            {
                return;
            }

            if (moved == Deleted)
            {
                messages.RemoveAt(index);
            }
            else
            {
                index = moved;
            }
        }

        await SayAsync(PromptNames.EndOfMessages);
    }

    private const int Deleted = -1;

    /// <summary>The message's next index (or <see cref="Deleted"/>), or null back to the main menu.</summary>
    private async Task<int?> MessageMenuAsync(VoicemailMessage message, char? pressed, int index)
    {
        while (true)
        {
            switch (await ChooseAsync(voice.Prompt(PromptNames.MessageMenu), pressed))
            {
                case '1':
                    return index;
                case '2':
                    await store.SaveAsync(tenantId, message.Id, CancellationToken.None);
                    await SayAsync(PromptNames.MessageSaved);
                    return index + 1;
                case '3':
                    await store.DeleteAsync(tenantId, message.Id, CancellationToken.None);
                    await SayAsync(PromptNames.MessageDeleted);
                    return Deleted;
                case '4':
                    return Math.Max(0, index - 1);
                case '6':
                    return index + 1;
                case '*':
                    return null;
                default:
                    await SayAsync(PromptNames.InvalidChoice);
                    pressed = null;
                    break;
            }
        }
    }

    private async Task GreetingMenuAsync()
    {
        while (true)
        {
            switch (await ChooseAsync(voice.Prompt(PromptNames.GreetingMenu), null))
            {
                case '1':
                    await RecordGreetingAsync(nameOnly: false);
                    return;
                case '2':
                    await RecordGreetingAsync(nameOnly: true);
                    return;
                case '3':
                    await store.UseStandardGreetingAsync(tenantId, boxId, CancellationToken.None);
                    await SayAsync(PromptNames.GreetingSaved);
                    return;
                case '*':
                    return;
                default:
                    await SayAsync(PromptNames.InvalidChoice);
                    break;
            }
        }
    }

    /// <summary>Records after the tone until # (or 2 minutes); kept only when something was said and the caller did not hang up.</summary>
    private async Task RecordGreetingAsync(bool nameOnly)
    {
        await channel.PlayAsync(voice.Prompt(PromptNames.RecordAfterTone), null);
        await channel.PlayAsync(voice.Prompt(PromptNames.Beep), null);
        var recording = await channel.RecordAsync(VoicemailLimits.MaxGreeting, "#");
        if (recording.End == RecordingEnd.HungUp)
        {
            throw new OperationCanceledException("The caller hung up while recording a greeting.");
        }

        if (TelephonyAudio.Duration(recording.Samples) < VoicemailLimits.MinMessage)
        {
            await SayAsync(PromptNames.InvalidChoice);
            return;
        }

        await store.SetGreetingAsync(tenantId, boxId, recording.Samples, nameOnly, CancellationToken.None);
        await SayAsync(PromptNames.GreetingSaved);
    }

    private async Task SettingsMenuAsync()
    {
        while (true)
        {
            switch (await ChooseAsync(voice.Prompt(PromptNames.SettingsMenu), null))
            {
                case '1':
                    await ChoosePinAsync();
                    return;
                case '2':
                    await SayToggleAsync(await store.ToggleCallbackAfterDepositAsync(tenantId, boxId, CancellationToken.None));
                    return;
                case '3':
                    await SayToggleAsync(await store.ToggleAnsweringMachineOnlyAsync(tenantId, boxId, CancellationToken.None));
                    return;
                case '*':
                    return;
                default:
                    await SayAsync(PromptNames.InvalidChoice);
                    break;
            }
        }
    }

    private Task<char?> SayToggleAsync(bool activated) =>
        SayAsync(activated ? PromptNames.FeatureActivated : PromptNames.FeatureDeactivated);

    /// <summary>The key already pressed, else the menu's prompt and a key after it; the menu again after a silence, the call ends after three.</summary>
    private async Task<char> ChooseAsync(AudioClip menu, char? pressed)
    {
        for (var silences = 0; silences < MaxSilences; silences++)
        {
            if ((pressed ?? await channel.PlayAsync(menu, AnyKey) ?? await channel.ReadKeyAsync(KeyTimeout)) is { } key)
            {
                return key;
            }
        }

        throw new CallerSilentException();
    }

    /// <summary>Digits up to # or a pause, the first of which may interrupt the prompt.</summary>
    private async Task<string> CollectAsync(AudioClip prompt)
    {
        var digits = new StringBuilder();
        var key = await channel.PlayAsync(prompt, AnyKey) ?? await channel.ReadKeyAsync(KeyTimeout * 2);
        while (key is { } pressed && pressed != '#' && digits.Length < MaxDigitsRead)
        {
            digits.Append(pressed);
            key = await channel.ReadKeyAsync(KeyTimeout);
        }

        return digits.ToString();
    }

    private Task<char?> SayAsync(string prompt) => channel.PlayAsync(voice.Prompt(prompt), null);

    private sealed class CallerSilentException : Exception;
}
