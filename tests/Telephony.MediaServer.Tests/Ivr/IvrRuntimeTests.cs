using Telephony.MediaServer.Ivr;

namespace Telephony.MediaServer.Tests.Ivr;

/// <summary>The IVR runtime against a recording leg and explicit times (the owner's clock).</summary>
public sealed class IvrRuntimeTests
{
    private const string Goodbye = "prompt:fr/goodbye";
    private static readonly DateTimeOffset T0 = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);

    private static readonly IvrMenu Support = new("prompt:fr/support", new Dictionary<char, IvrChoice>
    {
        ['1'] = new("+33140000001", "Hardware"),
    });

    private static readonly IvrMenu Root = new("prompt:fr/welcome", new Dictionary<char, IvrChoice>
    {
        ['1'] = new("+33140000000", "Sales"),
        ['2'] = new(null, "Support", Support),
    });

    private readonly RecordingLeg _leg = new();
    private readonly IvrRuntime _runtime;

    public IvrRuntimeTests() => _runtime = new IvrRuntime(Root, Goodbye, _leg, IvrRuntime.DefaultWait);

    [Fact]
    public void Start_PlaysTheLevelOneAnnouncement_WithoutWaitingYet()
    {
        _runtime.Start();

        Assert.Equal(["play prompt:fr/welcome"], _leg.Actions);
        Assert.Null(_runtime.Deadline);
    }

    [Fact]
    public void PlaybackFinished_StartsTheFiveSecondWait()
    {
        _runtime.Start();

        _runtime.PlaybackFinished(T0);

        Assert.Equal(T0 + TimeSpan.FromSeconds(5), _runtime.Deadline);
    }

    [Fact]
    public void Expire_BeforeTheDeadline_DoesNothing()
    {
        _runtime.Start();
        _runtime.PlaybackFinished(T0);

        _runtime.Expire(T0 + TimeSpan.FromSeconds(4.9));

        Assert.Single(_leg.Actions);
    }

    [Fact]
    public void Expire_AtTheDeadline_ReplaysTheAnnouncement()
    {
        _runtime.Start();
        _runtime.PlaybackFinished(T0);

        _runtime.Expire(T0 + TimeSpan.FromSeconds(5));

        Assert.Equal(["play prompt:fr/welcome", "play prompt:fr/welcome"], _leg.Actions);
        Assert.Null(_runtime.Deadline);
    }

    [Fact]
    public void AKeyDuringTheAnnouncement_InterruptsIt_AndATwoLevelChoiceIsReported()
    {
        _runtime.Start();

        _runtime.Press('2');
        _runtime.PlaybackFinished(T0);
        _runtime.Press('1');

        Assert.Equal(["play prompt:fr/welcome", "play prompt:fr/support", "silence", "report +33140000001 Hardware"], _leg.Actions);
        Assert.Equal(IvrRuntime.State.Forwarded, _runtime.Current);
    }

    [Fact]
    public void KeysAfterTheChoice_AreIgnored_AndTheCallWaitsForTheCaller()
    {
        _runtime.Start();
        _runtime.Press('1');

        _runtime.Press('2');
        _runtime.PlaybackFinished(T0);
        _runtime.Expire(T0 + TimeSpan.FromMinutes(5));

        Assert.Equal(["play prompt:fr/welcome", "silence", "report +33140000000 Sales"], _leg.Actions);
    }

    [Fact]
    public void ThreeMisses_PlayGoodbye_ThenHangUpWhenItHasPlayed()
    {
        _runtime.Start();
        _runtime.Press('9'); // unassigned: replay
        _runtime.PlaybackFinished(T0);
        _runtime.Expire(T0 + TimeSpan.FromSeconds(5)); // silence: replay
        _runtime.Press('#'); // third miss

        Assert.Equal(["play prompt:fr/welcome", "play prompt:fr/welcome", "play prompt:fr/welcome", "play prompt:fr/goodbye"], _leg.Actions);
        Assert.Equal(IvrRuntime.State.SayingGoodbye, _runtime.Current);
        _runtime.Press('1'); // too late
        _runtime.PlaybackFinished(T0 + TimeSpan.FromSeconds(7));

        Assert.Equal("hang up", _leg.Actions[^1]);
        Assert.Equal(5, _leg.Actions.Count);
    }

    [Fact]
    public void Star_ReplaysTheCurrentMenu_WithoutCountingAMiss()
    {
        _runtime.Start();
        _runtime.Press('2');
        for (var i = 0; i < 5; i++)
        {
            _runtime.Press('*');
        }

        Assert.Equal(6, _leg.Actions.Count(a => a == "play prompt:fr/support"));
        Assert.Equal(IvrRuntime.State.Playing, _runtime.Current);
    }

    private sealed class RecordingLeg : IIvrLeg
    {
        public List<string> Actions { get; } = [];

        public void Play(string audio) => Actions.Add($"play {audio}");

        public void Silence() => Actions.Add("silence");

        public void ReportDestination(string number, string? label) => Actions.Add($"report {number} {label}");

        public void HangUp() => Actions.Add("hang up");
    }
}
