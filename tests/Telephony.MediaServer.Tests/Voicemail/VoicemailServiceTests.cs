using Telephony.MediaServer.Voicemail;

namespace Telephony.MediaServer.Tests.Voicemail;

/// <summary>The voicemail call flows (V-BOX deposit, V-ACCESS menu) driven by a scripted caller on a real store.</summary>
public sealed class VoicemailServiceTests : IAsyncLifetime
{
    private readonly Guid _tenant = Guid.NewGuid();
    private readonly Guid _box = Guid.NewGuid();
    private VoicemailTestHost _host = null!;

    public async Task InitializeAsync() => _host = await VoicemailTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private VoicemailRequest Deposit => new(_tenant, _box, "+33123456201", "en", Retrieve: false);

    private VoicemailRequest Retrieve => new(_tenant, _box, null, "en", Retrieve: true);

    private Task RunAsync(VoicemailRequest request, FakeCallChannel channel, VoicemailCaller? caller = null) =>
        _host.Service.RunAsync(request, caller ?? VoicemailCaller.Anonymous, channel, "test-call");

    private static Recording Said(double seconds, RecordingEnd end = RecordingEnd.HungUp) => new(VoicemailTestHost.Speech(seconds), end);

    // The scripted caller presses each key as soon as a prompt may take it: a key queued
    // after the summary interrupts it and chooses in the main menu, as a caller typing ahead would.

    [Fact]
    public async Task Deposit_PlaysTheStandardGreetingAndTheTone_ThenKeepsWhatTheCallerSaid()
    {
        var channel = FakeCallChannel.Pressing("", Said(4));

        await RunAsync(Deposit, channel, new VoicemailCaller("+33698765432", null));

        Assert.Equal(["greeting:standard", "prompt:beep", "record"], channel.Played);
        Assert.Equal(VoicemailLimits.MaxMessage, Assert.Single(channel.RecordLimits));
        var message = Assert.Single(await _host.AllMessagesAsync());
        Assert.Equal((TimeSpan.FromSeconds(4), "+33698765432", VoicemailState.New), (message.Duration, message.CallerNumber, message.State));
    }

    [Fact]
    public async Task Deposit_EndedByHash_SaysSavedAndGoodbye()
    {
        var channel = FakeCallChannel.Pressing("", Said(3, RecordingEnd.Key));

        await RunAsync(Deposit, channel);

        Assert.Equal(["greeting:standard", "prompt:beep", "record", "prompt:message-saved", "prompt:goodbye"], channel.Played);
        Assert.Single(await _host.AllMessagesAsync());
    }

    [Fact]
    public async Task Deposit_ReachingFifteenMinutes_SaysGoodbyeAndKeepsTheMessage()
    {
        var channel = FakeCallChannel.Pressing("", Said(2, RecordingEnd.Limit));

        await RunAsync(Deposit, channel);

        Assert.Equal("prompt:goodbye", channel.Played[^1]);
        Assert.Single(await _host.AllMessagesAsync());
    }

    [Fact]
    public async Task Deposit_OfNothing_KeepsNoMessage()
    {
        var channel = FakeCallChannel.Pressing("", Said(0.5));

        await RunAsync(Deposit, channel);

        Assert.Empty(await _host.AllMessagesAsync());
        Assert.Empty(await _host.OutboxAsync<Contracts.Voicemail.VoicemailDeposited>());
    }

    [Fact]
    public async Task Deposit_InAFullBox_SaysSoAndRecordsNothing()
    {
        for (var i = 0; i < 4; i++)
        {
            await _host.SeedMessageAsync(_tenant, _box, TimeSpan.FromHours(1));
        }

        var channel = FakeCallChannel.Pressing("", Said(4));

        await RunAsync(Deposit, channel);

        Assert.Equal(["prompt:box-full"], channel.Played);
        Assert.Equal(4, (await _host.AllMessagesAsync()).Count);
    }

    [Fact]
    public async Task Deposit_ToAnAnsweringMachineOnly_PlaysTheGreetingThenEnds()
    {
        await _host.Store.ToggleAnsweringMachineOnlyAsync(_tenant, _box, CancellationToken.None);
        var channel = FakeCallChannel.Pressing("", Said(4));

        await RunAsync(Deposit, channel);

        Assert.Equal(["greeting:standard"], channel.Played);
        Assert.Empty(await _host.AllMessagesAsync());
    }

    [Fact]
    public async Task Deposit_WithAPersonalGreeting_PlaysIt()
    {
        await _host.Store.SetGreetingAsync(_tenant, _box, VoicemailTestHost.Speech(2), nameOnly: false, CancellationToken.None);
        var channel = FakeCallChannel.Pressing("", Said(2));

        await RunAsync(Deposit, channel);

        Assert.Equal("greeting:personal", channel.Played[0]);
    }

    [Fact]
    public async Task HashDuringTheGreeting_AsksForThePin_AndTheRightPinOpensTheMenu()
    {
        await _host.Store.SetPinAsync(_tenant, _box, "2468", CancellationToken.None);
        var channel = FakeCallChannel.Pressing("#2468#");

        await RunAsync(Deposit, channel);

        Assert.Equal(["greeting:standard", "prompt:enter-pin", "summary:0/0", "prompt:main-menu"], channel.Played);
    }

    [Fact]
    public async Task HashDuringTheGreeting_ThreeWrongPins_SayGoodbye()
    {
        await _host.Store.SetPinAsync(_tenant, _box, "2468", CancellationToken.None);
        var channel = FakeCallChannel.Pressing("#1111#1234#0000#");

        await RunAsync(Deposit, channel);

        Assert.Equal(
            ["greeting:standard", "prompt:enter-pin", "prompt:wrong-pin", "prompt:enter-pin", "prompt:wrong-pin", "prompt:enter-pin", "prompt:wrong-pin", "prompt:goodbye"],
            channel.Played);
        Assert.DoesNotContain("record", channel.Played);
    }

    [Fact]
    public async Task HashDuringTheGreeting_OfABoxWithoutPin_SaysGoodbye()
    {
        var channel = FakeCallChannel.Pressing("#1234#");

        await RunAsync(Deposit, channel);

        Assert.Equal(["greeting:standard", "prompt:goodbye"], channel.Played);
    }

    [Fact]
    public async Task Retrieve_FirstAccess_AsksToChooseAPinBeforeTheMenu()
    {
        var channel = FakeCallChannel.Pressing("12#987654#");

        await RunAsync(Retrieve, channel);

        Assert.Equal(["prompt:choose-pin", "prompt:invalid-choice", "prompt:choose-pin", "prompt:pin-changed", "summary:0/0", "prompt:main-menu"], channel.Played);
        Assert.True(await _host.Store.CheckPinAsync(_tenant, _box, "987654", CancellationToken.None));
    }

    [Fact]
    public async Task Retrieve_ListeningToANewMessage_MakesItSaved()
    {
        await _host.Store.SetPinAsync(_tenant, _box, "2468", CancellationToken.None);
        var message = await _host.Store.DepositAsync(_tenant, _box, VoicemailCaller.Anonymous, VoicemailTestHost.Speech(2), CancellationToken.None);
        var channel = FakeCallChannel.Pressing("1_*");

        await RunAsync(Retrieve, channel);

        Assert.Equal(["summary:1/0", $"message:{message!.Id.ToString("N")[..8]}", "prompt:message-menu", "prompt:message-menu", "prompt:main-menu"], channel.Played);
        Assert.Equal(VoicemailState.Saved, Assert.Single(await _host.AllMessagesAsync()).State);
        var last = (await _host.BoxChangesAsync())[^1];
        Assert.Equal((0, 1), (last.NewMessages, last.SavedMessages));
    }

    [Fact]
    public async Task Retrieve_NextPreviousReplayAndDelete_MoveThroughTheMessages()
    {
        await _host.Store.SetPinAsync(_tenant, _box, "2468", CancellationToken.None);
        var first = await _host.Store.DepositAsync(_tenant, _box, VoicemailCaller.Anonymous, VoicemailTestHost.Speech(2), CancellationToken.None);
        _host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = await _host.Store.DepositAsync(_tenant, _box, VoicemailCaller.Anonymous, VoicemailTestHost.Speech(2), CancellationToken.None);
        var channel = FakeCallChannel.Pressing("1" + "6" + "4" + "1" + "3" + "3");
        string Label(VoicemailMessage? m) => $"message:{m!.Id.ToString("N")[..8]}";

        await RunAsync(Retrieve, channel);

        Assert.Equal(
            ["summary:2/0",
             Label(first), Label(second), Label(first), Label(first),
             "prompt:message-deleted", Label(second), "prompt:message-deleted", "prompt:end-of-messages", "prompt:main-menu"],
            channel.Played);
        Assert.Empty(await _host.AllMessagesAsync());
    }

    [Fact]
    public async Task Retrieve_SavedMessages_AreListedWithKeyTwo()
    {
        await _host.Store.SetPinAsync(_tenant, _box, "2468", CancellationToken.None);
        var message = await _host.Store.DepositAsync(_tenant, _box, VoicemailCaller.Anonymous, VoicemailTestHost.Speech(2), CancellationToken.None);
        await _host.Store.MarkHeardAsync(_tenant, message!.Id, CancellationToken.None);
        var channel = FakeCallChannel.Pressing("2" + "2");

        await RunAsync(Retrieve, channel);

        Assert.Equal(["summary:0/1", $"message:{message.Id.ToString("N")[..8]}", "prompt:message-saved", "prompt:end-of-messages", "prompt:main-menu"], channel.Played);
    }

    [Fact]
    public async Task Retrieve_RecordingAGreeting_MakesTheDepositPlayIt()
    {
        await _host.Store.SetPinAsync(_tenant, _box, "2468", CancellationToken.None);
        var channel = FakeCallChannel.Pressing("31", Said(3, RecordingEnd.Key));

        await RunAsync(Retrieve, channel);

        Assert.Equal(["summary:0/0", "prompt:greeting-menu", "prompt:record-after-tone", "prompt:beep", "record", "prompt:greeting-saved", "prompt:main-menu"], channel.Played);
        Assert.Equal(VoicemailLimits.MaxGreeting, Assert.Single(channel.RecordLimits));
        var deposit = FakeCallChannel.Pressing("", Said(2));
        await RunAsync(Deposit, deposit);
        Assert.Equal("greeting:personal", deposit.Played[0]);
    }

    [Fact]
    public async Task Retrieve_RecordingOnlyTheName_MakesTheStandardGreetingSayIt_AndKeyThreeGoesBack()
    {
        await _host.Store.SetPinAsync(_tenant, _box, "2468", CancellationToken.None);
        await RunAsync(Retrieve, FakeCallChannel.Pressing("32", Said(1.5, RecordingEnd.Key)));
        var named = FakeCallChannel.Pressing("", Said(2));
        await RunAsync(Deposit, named);

        await RunAsync(Retrieve, FakeCallChannel.Pressing("33"));
        var standard = FakeCallChannel.Pressing("", Said(2));
        await RunAsync(Deposit, standard);

        Assert.Equal("greeting:name", named.Played[0]);
        Assert.Equal("greeting:standard", standard.Played[0]);
    }

    [Fact]
    public async Task Retrieve_Settings_ToggleCallbackAndAnsweringMachineOnly_AndChangeThePin()
    {
        await _host.Store.SetPinAsync(_tenant, _box, "2468", CancellationToken.None);
        var channel = FakeCallChannel.Pressing("42" + "43" + "41" + "1357#");

        await RunAsync(Retrieve, channel);

        Assert.Equal(
            ["summary:0/0",
             "prompt:settings-menu", "prompt:feature-activated", "prompt:main-menu",
             "prompt:settings-menu", "prompt:feature-activated", "prompt:main-menu",
             "prompt:settings-menu", "prompt:choose-pin", "prompt:pin-changed", "prompt:main-menu"],
            channel.Played);
        var box = await _host.Store.OpenAsync(_tenant, _box, CancellationToken.None);
        Assert.True(box.CallbackAfterDeposit);
        Assert.True(box.AnsweringMachineOnly);
        Assert.True(await _host.Store.CheckPinAsync(_tenant, _box, "1357", CancellationToken.None));
        Assert.True((await _host.BoxChangesAsync()).Count >= 4);
    }

    [Fact]
    public async Task Retrieve_InvalidKey_SaysSoAndThreeSilencesEndTheCall()
    {
        await _host.Store.SetPinAsync(_tenant, _box, "2468", CancellationToken.None);
        var channel = FakeCallChannel.Pressing("9___");

        await RunAsync(Retrieve, channel);

        Assert.Equal(["summary:0/0", "prompt:invalid-choice", "prompt:main-menu", "prompt:main-menu", "prompt:main-menu", "prompt:goodbye"], channel.Played);
    }
}
