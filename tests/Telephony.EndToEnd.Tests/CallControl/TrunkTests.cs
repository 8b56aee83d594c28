using System.Net;
using Telephony.EndToEnd.Tests.Embedded;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.CallControl;

/// <summary>
/// The carrier trunk with sipp as the carrier on its own loopback address (127.0.0.3): calls to
/// national numbers leave with the line's public number asserted, the carrier's challenge is
/// answered with the trunk account, calls from the carrier to a public number reach the line.
/// </summary>
public sealed class TrunkTests : IAsyncLifetime
{
    private const string Carrier = "127.0.0.3";
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("telephony-trunk").FullName;
    private readonly int[] _ports = FreePorts.Take(5);
    private readonly int _carrierPort = FreePorts.Take(1)[0];
    private EmbeddedHost _host = null!;
    private (string User, string Password, string Domain, string Number, string Short) _alice;
    private (string User, string Password, string Domain, string Number, string Short) _bruno;

    public async Task InitializeAsync()
    {
        _host = EmbeddedHost.Start(_dataFolder, _ports, new Dictionary<string, string>
        {
            ["Trunk__Address"] = $"{Carrier}:{_carrierPort}",
            ["Trunk__Username"] = "trunk-account",
            ["Trunk__Password"] = "trunk-secret",
        });
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

    [Fact]
    public async Task CallToANationalNumber_LeavesThroughTheTrunk_WithThePublicNumberAsserted()
    {
        var carrier = Sipp.RunFromAsync(Carrier, "uas-carrier-answer-expect-bye.xml", _host.SipPort, _carrierPort);

        var caller = await CallAsync("0612345678");

        Assert.True(caller.ExitCode == 0, caller.Log);
        var received = await carrier.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(received.ExitCode == 0, received.Log);
        Assert.Contains($"P-Asserted-Identity: <sip:{_alice.Number}@", received.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CarrierChallenge_IsAnsweredWithTheTrunkAccount()
    {
        var carrier = Sipp.RunFromAsync(Carrier, "uas-carrier-challenge-then-answer.xml", _host.SipPort, _carrierPort);

        var caller = await CallAsync("0612345678");

        Assert.True(caller.ExitCode == 0, caller.Log);
        var received = await carrier.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(received.ExitCode == 0, received.Log);
    }

    [Fact]
    public async Task CallFromTheCarrierToAPublicNumber_RingsThatLine()
    {
        var calleePort = FreePorts.Take(1)[0];
        using (var phone = new SipTestPhone(new IPEndPoint(IPAddress.Loopback, _host.SipPort)))
        {
            Assert.Equal(200, (await phone.RegisterAsync(_bruno.User, _bruno.Password, _bruno.Domain, algorithm: "MD5", contact: $"<sip:{_bruno.User}@127.0.0.1:{calleePort}>")).StatusCode);
        }

        var callee = Sipp.RunAsync("uas-answer-expect-bye.xml", _host.SipPort, calleePort, "-s", _bruno.User);
        var inbound = await Sipp.RunFromAsync(Carrier, "uac-carrier-call-expect-200.xml", _host.SipPort, FreePorts.Take(1)[0],
            "-s", _bruno.Number, "-set", "domain", "127.0.0.1", "-set", "caller", "+33612345678");

        Assert.True(inbound.ExitCode == 0, inbound.Log);
        var answered = await callee.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(answered.ExitCode == 0, answered.Log);
        Assert.Contains("<sip:+33612345678@", answered.Log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallFromAnUntrustedAddress_ToAPublicNumber_IsNotTakenForTheCarrier()
    {
        var attempt = await Sipp.RunFromAsync("127.0.0.4", "uac-carrier-call-expect-200.xml", _host.SipPort, FreePorts.Take(1)[0],
            "-s", _bruno.Number, "-set", "domain", "127.0.0.1", "-set", "caller", "+33612345678");

        // Not the carrier, so it is a line that must authenticate in a tenant's domain: there is none at this address.
        Assert.NotEqual(0, attempt.ExitCode);
        Assert.Contains("SIP/2.0 404", attempt.Log, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Log)> CallAsync(string dialled) =>
        Sipp.RunAsync("uac-call-answered-expect-200.xml", _host.SipPort, "-s", dialled, "-au", _alice.User, "-ap", _alice.Password, "-set", "domain", _alice.Domain, "-set", "caller", _alice.User);
}
