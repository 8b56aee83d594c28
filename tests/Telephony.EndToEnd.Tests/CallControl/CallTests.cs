using System.Net;
using Telephony.EndToEnd.Tests.Embedded;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.CallControl;

/// <summary>
/// Basic calls through the B2BUA between the demo lines, with sipp as both phones: the caller
/// authenticates its INVITE (407), the callee's registered contact rings and answers, or
/// declines, or does not exist; a busy or unregistered line forwards to its voicemail (the
/// defaults of L-FWD), and 123 reaches one's own.
/// </summary>
public sealed class CallTests : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("telephony-call").FullName;
    private readonly int[] _ports = FreePorts.Take(5);
    private EmbeddedHost _host = null!;
    private (string User, string Password, string Domain, string Number, string Short) _alice;
    private (string User, string Password, string Domain, string Number, string Short) _bruno;

    public async Task InitializeAsync()
    {
        _host = EmbeddedHost.Start(_dataFolder, _ports);
        await _host.WaitUntilReadyAsync();
        var accounts = await _host.SipAccountsAsync();
        _alice = accounts.Single(a => a.Short == "201");
        _bruno = accounts.Single(a => a.Short == "202");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Theory]
    [InlineData("202")]
    [InlineData("0199000001")]
    [InlineData("+33199000001")]
    public async Task Call_ToARegisteredLine_RingsIsAnsweredAndHungUp(string dialled)
    {
        var calleePort = await RegisterBrunoAsync();
        var callee = Sipp.RunAsync("uas-answer-expect-bye.xml", _host.SipPort, calleePort, "-s", _bruno.User);

        var caller = await CallAsync("uac-call-answered-expect-200.xml", dialled);

        Assert.True(caller.ExitCode == 0, caller.Log);
        var answered = await callee.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(answered.ExitCode == 0, answered.Log);
        Assert.Contains("m=audio", answered.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_CancelledWhileRinging_Gets487_AndTheCalleeSeesTheCancel()
    {
        var calleePort = await RegisterBrunoAsync();
        var callee = Sipp.RunAsync("uas-ring-expect-cancel.xml", _host.SipPort, calleePort, "-s", _bruno.User);

        var caller = await CallAsync("uac-call-cancelled-expect-487.xml", "202");

        Assert.True(caller.ExitCode == 0, caller.Log);
        var cancelled = await callee.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(cancelled.ExitCode == 0, cancelled.Log);
    }

    [Fact]
    public async Task Call_HeldAndResumed_ReinvitesWithTheirSdpReachTheCallee()
    {
        var calleePort = await RegisterBrunoAsync();
        var callee = Sipp.RunAsync("uas-answer-hold-resume-expect-bye.xml", _host.SipPort, calleePort, "-s", _bruno.User);

        var caller = await CallAsync("uac-call-hold-resume-expect-200.xml", "202");

        Assert.True(caller.ExitCode == 0, caller.Log);
        var held = await callee.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(held.ExitCode == 0, held.Log);
        Assert.Contains("a=sendonly", held.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_HungUpByTheCallee_TheCallerGetsTheBye()
    {
        var calleePort = await RegisterBrunoAsync();
        var callee = Sipp.RunAsync("uas-answer-then-hang-up.xml", _host.SipPort, calleePort, "-s", _bruno.User);

        var caller = await CallAsync("uac-call-answered-expect-bye.xml", "202");

        Assert.True(caller.ExitCode == 0, caller.Log);
        var hungUp = await callee.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(hungUp.ExitCode == 0, hungUp.Log);
    }

    [Fact]
    public async Task Call_ToALineWithTwoContacts_RingsBoth_FirstAnswerWins_TheOtherIsCancelled()
    {
        var deskPort = await RegisterBrunoAsync();
        var softphonePort = await RegisterBrunoAsync();
        var desk = Sipp.RunAsync("uas-answer-expect-bye.xml", _host.SipPort, deskPort, "-s", _bruno.User);
        var softphone = Sipp.RunAsync("uas-ring-expect-cancel.xml", _host.SipPort, softphonePort, "-s", _bruno.User);

        var caller = await CallAsync("uac-call-answered-expect-200.xml", "202");

        Assert.True(caller.ExitCode == 0, caller.Log);
        Assert.True((await desk.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode == 0);
        var cancelled = await softphone.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(cancelled.ExitCode == 0, cancelled.Log);
    }

    [Fact]
    public async Task Call_DeclinedByTheCallee_GetsTheCalleesRefusal()
    {
        var calleePort = await RegisterBrunoAsync();
        var callee = Sipp.RunAsync("uas-decline-603.xml", _host.SipPort, calleePort, "-s", _bruno.User);

        var caller = await CallAsync("uac-call-declined-expect-603.xml", "202");

        Assert.True(caller.ExitCode == 0, caller.Log);
        Assert.True((await callee.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode == 0);
    }

    [Fact]
    public async Task Call_ToABusyLine_IsAnsweredByItsVoicemail()
    {
        // L-FWD default: on busy, to voicemail.
        var calleePort = await RegisterBrunoAsync();
        var callee = Sipp.RunAsync("uas-busy-486.xml", _host.SipPort, calleePort, "-s", _bruno.User);

        var caller = await CallAsync("uac-call-answered-expect-200.xml", "202");

        Assert.True(caller.ExitCode == 0, caller.Log + "\n" + string.Join('\n', _host.Process.Output));
        Assert.True((await callee.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode == 0);
        Assert.Contains(_host.Process.Output, l => l.Contains("to voicemail (Deposit)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_ToANumberThatDoesNotExist_Gets404()
    {
        var caller = await CallAsync("uac-call-unknown-number-expect-404.xml", "299");

        Assert.True(caller.ExitCode == 0, caller.Log);
    }

    [Fact]
    public async Task Call_ToALineWithNoRegistration_IsAnsweredByItsVoicemail()
    {
        // L-FWD default: when unreachable, to voicemail.
        var caller = await CallAsync("uac-call-answered-expect-200.xml", "202");

        Assert.True(caller.ExitCode == 0, caller.Log + "\n" + string.Join('\n', _host.Process.Output));
        Assert.Contains(_host.Process.Output, l => l.Contains("to voicemail (Deposit)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Call_To123_ReachesTheCallersOwnVoicemail_WhoseMenuTakesKeysAsSipInfoThroughTheB2bua()
    {
        var caller = await CallAsync("uac-call-info-dtmf-expect-200.xml", "123");

        Assert.True(caller.ExitCode == 0, caller.Log + "\n" + string.Join('\n', _host.Process.Output));
        Assert.Contains(_host.Process.Output, l => l.Contains("to voicemail (Retrieve)", StringComparison.Ordinal));
    }

    private Task<(int ExitCode, string Log)> CallAsync(string scenario, string dialled) =>
        Sipp.RunAsync(scenario, _host.SipPort, "-s", dialled, "-au", _alice.User, "-ap", _alice.Password, "-set", "domain", _alice.Domain, "-set", "caller", _alice.User);

    /// <summary>Registers one more contact of Bruno's line, on a free port where a sipp UAS will answer.</summary>
    private async Task<int> RegisterBrunoAsync()
    {
        var calleePort = FreePorts.Take(1)[0];
        using var phone = new SipTestPhone(new IPEndPoint(IPAddress.Loopback, _host.SipPort));
        var registered = await phone.RegisterAsync(_bruno.User, _bruno.Password, _bruno.Domain, algorithm: "MD5", contact: $"<sip:{_bruno.User}@127.0.0.1:{calleePort}>");
        Assert.Equal(200, registered.StatusCode);
        return calleePort;
    }
}
