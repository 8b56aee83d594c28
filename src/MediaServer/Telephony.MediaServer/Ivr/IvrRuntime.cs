namespace Telephony.MediaServer.Ivr;

/// <summary>What the IVR runtime does to its call: the media server's side of one IVR call.</summary>
public interface IIvrLeg
{
    /// <summary>Plays the audio named <paramref name="audio"/> from its start, replacing what played.</summary>
    void Play(string audio);

    /// <summary>Stops playing.</summary>
    void Silence();

    /// <summary>Tells the caller (CallControl) where the caller chose to go.</summary>
    void ReportDestination(string number, string? label);

    void HangUp();
}

/// <summary>
/// Runs an <see cref="IvrSession"/> on a call (I-MENU): the current menu's announcement plays and
/// a key interrupts it; when it has played, the caller has <see cref="Wait"/> to press a key,
/// after which the silence counts as a miss (a replay, the third one hangs up). A chosen number
/// is reported to the caller, who then takes the call away (keys are ignored from then on); a
/// hang-up plays the goodbye prompt first. Pure: the call's owner feeds keys, the end of each
/// playback and the clock (<see cref="Deadline"/>, <see cref="Expire"/>); not thread-safe.
/// </summary>
public sealed class IvrRuntime(IvrMenu menu, string goodbye, IIvrLeg leg, TimeSpan wait)
{
    /// <summary>About 5 s of silence after the announcement is a timeout (I-MENU).</summary>
    public static readonly TimeSpan DefaultWait = TimeSpan.FromSeconds(5);

    private readonly IvrSession _session = new(menu);

    public enum State
    {
        NotStarted,
        Playing,
        Waiting,
        Forwarded,
        SayingGoodbye,
        Ended,
    }

    public State Current { get; private set; }

    public TimeSpan Wait { get; } = wait;

    /// <summary>When the wait for a key runs out; null when not waiting.</summary>
    public DateTimeOffset? Deadline { get; private set; }

    public void Start()
    {
        if (Current == State.NotStarted)
        {
            Do(_session.Start());
        }
    }

    /// <summary>The audio that was playing has played to its end.</summary>
    public void PlaybackFinished(DateTimeOffset now)
    {
        if (Current == State.Playing)
        {
            Current = State.Waiting;
            Deadline = now + Wait;
        }
        else if (Current == State.SayingGoodbye)
        {
            Current = State.Ended;
            leg.HangUp();
        }
    }

    public void Press(char key)
    {
        if (Current is State.Playing or State.Waiting)
        {
            Do(_session.Press(key));
        }
    }

    /// <summary>The clock: past the deadline, the silence is a miss.</summary>
    public void Expire(DateTimeOffset now)
    {
        if (Current == State.Waiting && now >= Deadline)
        {
            Do(_session.Timeout());
        }
    }

    private void Do(IvrStep step)
    {
        Deadline = null;
        switch (step)
        {
            case IvrStep.Play play:
                Current = State.Playing;
                leg.Play(play.Announcement);
                break;
            case IvrStep.Forward forward:
                Current = State.Forwarded;
                leg.Silence();
                leg.ReportDestination(forward.Number, forward.Label);
                break;
            case IvrStep.HangUp:
                Current = State.SayingGoodbye;
                leg.Play(goodbye);
                break;
        }
    }
}
