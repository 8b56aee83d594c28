using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Telephony.MediaServer.Audio;

/// <summary>
/// The predefined prompts (<see cref="PromptNames"/>), embedded in this assembly from
/// Prompts/&lt;language&gt;/&lt;name&gt;.wav and read once at start, so a broken file fails the
/// start rather than a call. A prompt missing in the caller's language is taken in French,
/// the default language; prompts and digits concatenate into one buffer to play.
/// </summary>
public sealed class PromptLibrary
{
    private const string ResourcePrefix = "Prompts/";

    private readonly FrozenDictionary<string, short[]> _prompts;

    public PromptLibrary()
    {
        var assembly = typeof(PromptLibrary).Assembly;
        var prompts = new Dictionary<string, short[]>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            var key = resource.Replace('\\', '/');
            if (!key.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !key.EndsWith(".wav", StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            var audio = TelephonyAudio.Read(bytes.GetBuffer().AsSpan(0, (int)bytes.Length));
            prompts[key[ResourcePrefix.Length..^".wav".Length]] = audio.Succeeded
                ? audio.Samples
                : throw new InvalidDataException($"Prompt {key}: {audio.Error.Message}");
        }

        _prompts = prompts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>The names of the prompts recorded in <paramref name="language"/> ("fr" or "en"), without fallback.</summary>
    public IReadOnlyList<string> Names(string language)
    {
        var prefix = language + "/";
        return [.. _prompts.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).Order(StringComparer.Ordinal)];
    }

    /// <summary>The samples of prompt <paramref name="name"/> in <paramref name="language"/>, else in French.</summary>
    /// <exception cref="KeyNotFoundException">No such prompt in either language: a name not in <see cref="PromptNames"/>.</exception>
    public ReadOnlyMemory<short> Get(string name, string? language = null)
    {
        var normalized = AudioLanguage.Normalize(language) ?? AudioLanguage.Default;
        return _prompts.TryGetValue(normalized + "/" + name, out var samples) || _prompts.TryGetValue(AudioLanguage.Default + "/" + name, out samples)
            ? samples
            : throw new KeyNotFoundException($"There is no prompt '{name}' in '{normalized}' nor in the default language.");
    }

    /// <summary>The prompts <paramref name="names"/> one after the other, in one buffer.</summary>
    public short[] Compose(string? language, params ReadOnlySpan<string> names)
    {
        var parts = new ReadOnlyMemory<short>[names.Length];
        var length = 0;
        for (var i = 0; i < names.Length; i++)
        {
            parts[i] = Get(names[i], language);
            length += parts[i].Length;
        }

        var buffer = new short[length];
        var offset = 0;
        foreach (var part in parts)
        {
            part.Span.CopyTo(buffer.AsSpan(offset));
            offset += part.Length;
        }

        return buffer;
    }

    /// <summary>V-BOX standard greeting: "you have reached 2 0 1, please leave a message after the tone" (the beep follows separately).</summary>
    public short[] StandardGreeting(string number, string? language) =>
        Compose(language, [PromptNames.YouHaveReached, .. PromptNames.DigitsOf(number), PromptNames.LeaveMessage]);

    /// <summary>V-ACCESS: "you have 2 new messages and 1 saved message", or "you have no messages".</summary>
    public short[] MessageSummary(int newMessages, int savedMessages, string? language)
    {
        if (newMessages <= 0 && savedMessages <= 0)
        {
            return Compose(language, PromptNames.NoMessages);
        }

        var parts = new List<string> { PromptNames.YouHave };
        if (newMessages > 0)
        {
            parts.AddRange(PromptNames.DigitsOf(newMessages.ToString(CultureInfo.InvariantCulture)));
            parts.Add(newMessages == 1 ? PromptNames.NewMessage : PromptNames.NewMessages);
        }

        if (savedMessages > 0)
        {
            if (newMessages > 0)
            {
                parts.Add(PromptNames.And);
            }

            parts.AddRange(PromptNames.DigitsOf(savedMessages.ToString(CultureInfo.InvariantCulture)));
            parts.Add(savedMessages == 1 ? PromptNames.SavedMessage : PromptNames.SavedMessages);
        }

        return Compose(language, CollectionsMarshal.AsSpan(parts));
    }
}
