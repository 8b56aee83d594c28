using System.Net;
using System.Text.RegularExpressions;
using Telephony.EndToEnd.Tests.Embedded;
using Telephony.Sip.Messages;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.CallControl;

/// <summary>
/// Tenancy on the running platform, with its two seeded companies: the demo company (Alice 201,
/// Bruno 202) and the neighbour company (Chloé 203). A line cannot register in the other
/// company's realm, cannot reach its short numbers, reaches it by public number as an inbound
/// call, and a From header naming the other company changes nothing.
/// </summary>
public sealed partial class CrossTenantTests : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("telephony-tenancy").FullName;
    private readonly int[] _ports = FreePorts.Take(5);
    private EmbeddedHost _host = null!;
    private (string User, string Password, string Domain, string Number, string Short) _alice;
    private (string User, string Password, string Domain, string Number, string Short) _chloe;

    public async Task InitializeAsync()
    {
        _host = EmbeddedHost.Start(_dataFolder, _ports);
        await _host.WaitUntilReadyAsync();
        var accounts = await _host.SipAccountsAsync();
        _alice = accounts.Single(a => a.Short == "201");
        _chloe = accounts.Single(a => a.Short == "203");
        Assert.NotEqual(_alice.Domain, _chloe.Domain);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task Register_WithTheOtherCompanysRealm_IsChallengedAgain_LikeAWrongPassword_EitherWay()
    {
        using var phone = Phone();

        // The credentials are good, but not in that realm: the registrar answers as it does a
        // wrong password (a new challenge), never saying the user exists elsewhere.
        var chloeAsDemo = await phone.RegisterAsync(_chloe.User, _chloe.Password, _alice.Domain);
        var aliceAsNeighbour = await phone.RegisterAsync(_alice.User, _alice.Password, _chloe.Domain);

        Assert.Equal(401, chloeAsDemo.StatusCode);
        Assert.Equal(401, aliceAsNeighbour.StatusCode);
        var aliceBindings = await phone.RegisterAsync(_alice.User, _alice.Password, _alice.Domain, expires: null, contact: "");
        Assert.Empty(aliceBindings.Headers.Values(SipHeaderNames.Contact));
    }

    [Fact]
    public async Task Register_WithAFromNamingTheOtherCompany_BindsTheAuthenticatedLineOnly()
    {
        using var alicePhone = Phone();
        using var chloePhone = Phone();

        var registered = await alicePhone.RegisterAsync(_alice.User, _alice.Password, _alice.Domain, fromDomain: _chloe.Domain);
        var chloeBindings = await chloePhone.RegisterAsync(_chloe.User, _chloe.Password, _chloe.Domain, expires: null, contact: "");

        Assert.Equal(200, registered.StatusCode);
        Assert.Contains(registered.Headers.Values(SipHeaderNames.Contact), c => c.Contains($"{alicePhone.Local.Port}", StringComparison.Ordinal));
        Assert.Equal(200, chloeBindings.StatusCode);
        Assert.Empty(chloeBindings.Headers.Values(SipHeaderNames.Contact));
    }

    [Fact]
    public async Task Call_ToTheOtherCompanysShortNumber_Gets404_ThoughThatLineIsRegistered()
    {
        await RegisterChloeAsync();

        var caller = await CallFromAliceAsync("uac-call-unknown-number-expect-404.xml", _chloe.Short);

        Assert.True(caller.ExitCode == 0, caller.Log);
    }

    [Fact]
    public async Task Call_ToTheOtherCompanysPublicNumber_RingsThatLine()
    {
        var calleePort = await RegisterChloeAsync();
        var callee = Sipp.RunAsync("uas-answer-expect-bye.xml", _host.SipPort, calleePort, "-s", _chloe.User);

        var caller = await CallFromAliceAsync("uac-call-answered-expect-200.xml", _chloe.Number);

        Assert.True(caller.ExitCode == 0, caller.Log);
        var answered = await callee.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(answered.ExitCode == 0, answered.Log);

        // The B2BUA's log lines about the call, its answer included (logged from the callee's
        // response, outside any request), are scoped by the call and both tenants.
        var output = _host.Process.Output.ToList();
        var answeredAt = output.FindIndex(l => AnsweredLog().IsMatch(l));
        Assert.True(answeredAt > 0, string.Join(Environment.NewLine, output));
        var scope = CallScope().Match(output[answeredAt - 1]);
        Assert.True(scope.Success, output[answeredAt - 1]);
        Assert.NotEqual(scope.Groups["caller"].Value, scope.Groups["called"].Value);
        Assert.True(Guid.TryParse(scope.Groups["caller"].Value, out _) && Guid.TryParse(scope.Groups["called"].Value, out _), scope.Value);
    }

    [GeneratedRegex(@"Call \S+ answered")]
    private static partial Regex AnsweredLog();

    [GeneratedRegex(@"=> Call \S+ from tenant (?<caller>\S+) to tenant (?<called>\S+)")]
    private static partial Regex CallScope();

    private SipTestPhone Phone() => new(new IPEndPoint(IPAddress.Loopback, _host.SipPort));

    private Task<(int ExitCode, string Log)> CallFromAliceAsync(string scenario, string dialled) =>
        Sipp.RunAsync(scenario, _host.SipPort, "-s", dialled, "-au", _alice.User, "-ap", _alice.Password, "-set", "domain", _alice.Domain, "-set", "caller", _alice.User);

    /// <summary>Registers Chloé's line at a free port where a sipp UAS can answer.</summary>
    private async Task<int> RegisterChloeAsync()
    {
        var calleePort = FreePorts.Take(1)[0];
        using var phone = Phone();
        var registered = await phone.RegisterAsync(_chloe.User, _chloe.Password, _chloe.Domain, contact: $"<sip:{_chloe.User}@127.0.0.1:{calleePort}>");
        Assert.Equal(200, registered.StatusCode);
        return calleePort;
    }
}
