using System.Net;
using Telephony.EndToEnd.Tests.Embedded;
using Telephony.Sip.Messages;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.CallControl;

/// <summary>
/// The registrar of the running platform (embedded host, real UDP), with the demo lines'
/// printed credentials: sipp and a test phone register, and what must be refused is refused.
/// </summary>
public sealed class RegistrarTests : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("telephony-sip").FullName;
    private readonly int[] _ports = FreePorts.Take(5);
    private EmbeddedHost? _host;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task Sipp_RegisterWithMd5Digest_Gets200()
    {
        var (alice, _) = await StartAsync();

        var (exitCode, log) = await Sipp.RunAsync("uac-register-expect-200.xml", _host!.SipPort, "-s", alice.User, "-au", alice.User, "-ap", alice.Password, "-set", "domain", alice.Domain);

        Assert.True(exitCode == 0, log);
        Assert.Contains("algorithm=MD5", log, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_WithSha256Digest_Gets200ListingTheContact()
    {
        var (alice, _) = await StartAsync(new() { ["Sip__DigestAlgorithms"] = "SHA-256,MD5" });
        using var phone = Phone();

        var response = await phone.RegisterAsync(alice.User, alice.Password, alice.Domain, expires: 300, algorithm: "SHA-256");

        Assert.Equal(200, response.StatusCode);
        var contact = Assert.Single(response.Headers.Values(SipHeaderNames.Contact));
        Assert.Contains($"{phone.Local.Address}:{phone.Local.Port}", contact, StringComparison.Ordinal);
        Assert.Contains("expires=300", contact, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_OptionsAndUnknownMethod_AreAnswered()
    {
        var (alice, _) = await StartAsync();
        using var phone = Phone();
        var options = phone.Register(alice.User, alice.Domain, null, "", null, null);

        var answer = await phone.SendAsync(Rewrite(options, "OPTIONS"));
        var unknown = await phone.SendAsync(Rewrite(phone.Register(alice.User, alice.Domain, null, "", null, null), "FROBNICATE"));

        Assert.Equal(200, answer.StatusCode);
        Assert.Contains("REGISTER", answer.Headers[SipHeaderNames.Allow], StringComparison.Ordinal);
        Assert.Equal(501, unknown.StatusCode);
    }

    [Fact]
    public async Task Register_ExpiresBelowTheMinimum_Gets423WithMinExpires()
    {
        var (alice, _) = await StartAsync();
        using var phone = Phone();

        var response = await phone.RegisterAsync(alice.User, alice.Password, alice.Domain, expires: 10);

        Assert.Equal(423, response.StatusCode);
        Assert.Equal("60", response.Headers[SipHeaderNames.MinExpires]);
    }

    [Fact]
    public async Task Register_AboveTheMaximum_IsShortenedToIt()
    {
        var (alice, _) = await StartAsync();
        using var phone = Phone();

        var response = await phone.RegisterAsync(alice.User, alice.Password, alice.Domain, expires: 86_400);

        Assert.Contains("expires=3600", Assert.Single(response.Headers.Values(SipHeaderNames.Contact)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_AnotherLinesAddressOfRecord_IsForbidden()
    {
        var (alice, bruno) = await StartAsync();
        using var phone = Phone();

        var response = await phone.RegisterAsync(alice.User, alice.Password, alice.Domain, toUser: bruno.User);

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public async Task Register_DomainNotServed_Gets404()
    {
        var (alice, _) = await StartAsync();
        using var phone = Phone();

        var response = await phone.RegisterAsync(alice.User, alice.Password, "other-company.sip.localhost");

        Assert.Equal(404, response.StatusCode);
    }

    [Fact]
    public async Task TwoContacts_ThenStarWithExpiresZero_RemovesThemAll()
    {
        var (alice, _) = await StartAsync();
        using var desk = Phone();
        using var soft = Phone();
        await desk.RegisterAsync(alice.User, alice.Password, alice.Domain);
        var both = await soft.RegisterAsync(alice.User, alice.Password, alice.Domain);
        Assert.Equal(2, both.Headers.Values(SipHeaderNames.Contact).Count);

        var cleared = await soft.RegisterAsync(alice.User, alice.Password, alice.Domain, expires: 0, contact: "*");

        Assert.Equal(200, cleared.StatusCode);
        Assert.Empty(cleared.Headers.Values(SipHeaderNames.Contact));
    }

    [Fact]
    public async Task WrongPasswords_AreChallengedAgain_ThenTheAddressIsThrottled_ButNotTheLineElsewhere()
    {
        var (alice, _) = await StartAsync(new() { ["Sip__AuthFailureLimit"] = "5" });
        using var attacker = Phone();

        var statuses = new List<int>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add((await attacker.RegisterAsync(alice.User, "wrong-password", alice.Domain)).StatusCode);
        }

        var rightPasswordSameAddress = await attacker.RegisterAsync(alice.User, alice.Password, alice.Domain);
        using var realPhone = new SipTestPhone(new IPEndPoint(IPAddress.Loopback, _host!.SipPort), IPAddress.Parse("127.0.0.2"));
        var rightPasswordElsewhere = await realPhone.RegisterAsync(alice.User, alice.Password, alice.Domain);

        Assert.Equal([401, 401, 401, 401, 403], statuses);
        Assert.Equal(403, rightPasswordSameAddress.StatusCode);
        Assert.Equal(200, rightPasswordElsewhere.StatusCode);
        Assert.Contains(_host.Process.Output, l => l.Contains("sip-auth-failure src=127.0.0.1 user=" + alice.User, StringComparison.Ordinal));
        Assert.Contains(_host.Process.Output, l => l.Contains("sip-auth-blocked src=127.0.0.1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Registration_SurvivesACallControlRestart()
    {
        var (alice, _) = await StartAsync();
        using var phone = Phone();
        await phone.RegisterAsync(alice.User, alice.Password, alice.Domain, expires: 600);

        _host!.Process.Interrupt();
        Assert.True(await _host.Process.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        await _host.DisposeAsync();
        _host = EmbeddedHost.Start(_dataFolder, _ports);
        await _host.WaitUntilReadyAsync();
        await _host.ManagerLoginAsync();

        // A REGISTER without Contact asks for the current bindings (RFC 3261 §10.2.3).
        var query = await phone.RegisterAsync(alice.User, alice.Password, alice.Domain, expires: null, contact: "");
        Assert.Equal(200, query.StatusCode);
        Assert.Contains($"{phone.Local.Address}:{phone.Local.Port}", Assert.Single(query.Headers.Values(SipHeaderNames.Contact)), StringComparison.Ordinal);
    }

    private async Task<((string User, string Password, string Domain, string Number, string Short) Alice, (string User, string Password, string Domain, string Number, string Short) Bruno)> StartAsync(Dictionary<string, string>? settings = null)
    {
        _host = EmbeddedHost.Start(_dataFolder, _ports, settings);
        await _host.WaitUntilReadyAsync();
        var accounts = await _host.SipAccountsAsync();
        return (accounts.Single(a => a.Short == "201"), accounts.Single(a => a.Short == "202"));
    }

    private SipTestPhone Phone() => new(new IPEndPoint(IPAddress.Loopback, _host!.SipPort));

    private static SipRequest Rewrite(SipRequest register, string method)
    {
        var request = new SipRequest(method, register.RequestUri);
        foreach (var header in register.Headers)
        {
            request.Headers.Add(header.Name, header.Name == SipHeaderNames.CSeq ? $"1 {method}" : header.Value);
        }

        return request;
    }
}
