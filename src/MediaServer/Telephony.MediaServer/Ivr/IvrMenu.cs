namespace Telephony.MediaServer.Ivr;

/// <summary>
/// An IVR as its runtime sees it (I-MENU): a level-1 menu whose keys 1-9 (and 0 as the
/// operator key) forward to a number or open a level-2 submenu whose keys forward to numbers.
/// Each menu has its announcement. Keys not listed are unassigned.
/// </summary>
public sealed record IvrMenu(string Announcement, IReadOnlyDictionary<char, IvrChoice> Keys);

/// <summary>What a key does: forward to <see cref="Number"/> (with a label for logs), or open <see cref="Submenu"/>.</summary>
public sealed record IvrChoice(string? Number, string? Label = null, IvrMenu? Submenu = null);

/// <summary>What the caller hears or gets next.</summary>
public abstract record IvrStep
{
    /// <summary>Play this menu's announcement (again), listening for a key.</summary>
    public sealed record Play(string Announcement, int Level) : IvrStep;

    /// <summary>The caller chose: CallControl forwards the call to <paramref name="Number"/>.</summary>
    public sealed record Forward(string Number, string? Label) : IvrStep;

    /// <summary>Three invalid or missing choices in a row: the call ends (I-MENU).</summary>
    public sealed record HangUp : IvrStep;
}

/// <summary>
/// One caller in an IVR (I-MENU): the menu plays; a digit of an assigned key forwards or opens
/// the submenu; <c>*</c> replays the current menu; an unassigned key, a non-digit or silence
/// after the announcement (timeout) replays it, and the third such replay in a row hangs up
/// instead. Pure: the media server drives it with digits and timeouts.
/// </summary>
public sealed class IvrSession(IvrMenu root)
{
    public const int MaxReplays = 3;

    private IvrMenu _current = root;
    private int _level = 1;
    private int _misses;

    /// <summary>The first step: the level-1 announcement.</summary>
    public IvrStep Start() => new IvrStep.Play(_current.Announcement, _level);

    public IvrStep Press(char key)
    {
        if (key == '*')
        {
            return new IvrStep.Play(_current.Announcement, _level);
        }

        if (_current.Keys.TryGetValue(key, out var choice))
        {
            if (choice.Submenu is { } submenu && _level == 1)
            {
                _current = submenu;
                _level = 2;
                _misses = 0;
                return new IvrStep.Play(_current.Announcement, _level);
            }

            if (choice.Number is { Length: > 0 } number)
            {
                return new IvrStep.Forward(number, choice.Label);
            }
        }

        return Miss();
    }

    /// <summary>No key within the wait after the announcement.</summary>
    public IvrStep Timeout() => Miss();

    private IvrStep Miss()
    {
        _misses++;
        return _misses >= MaxReplays ? new IvrStep.HangUp() : new IvrStep.Play(_current.Announcement, _level);
    }
}
