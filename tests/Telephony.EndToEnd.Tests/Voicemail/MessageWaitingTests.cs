using System.Net;
using Telephony.EndToEnd.Tests.Embedded;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.Voicemail;

/// <summary>
/// V-MWI over SIP against the embedded platform: a phone subscribes to its own line's
/// message summary (RFC 3842) and is told at once whether messages wait; another line's box,
/// or another event package, is refused.
/// </summary>
public sealed class MessageWaitingTests : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("telephony-mwi").FullName;
    private readonly int[] _ports = FreePorts.Take(5);
    private EmbeddedHost _host = null!;
    private (string User, string Password, string Domain, string Number, string Short) _alice;

    public async Task InitializeAsync()
    {
        _host = EmbeddedHost.Start(_dataFolder, _ports);
        await _host.WaitUntilReadyAsync();
        _alice = (await _host.SipAccountsAsync()).Single(a => a.Short == "201");
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Theory]
    [InlineData("user")]
    [InlineData("123")]
    public async Task Subscribe_ToOwnVoicemail_IsAnsweredWithANotifyThatNoMessageWaits_ThenUnsubscribes(string target)
    {
        var subscribed = target == "user" ? _alice.User : target;

        var (exitCode, log) = await Sipp.RunAsync("uac-subscribe-mwi-expect-no.xml", _host.SipPort,
            "-s", subscribed, "-au", _alice.User, "-ap", _alice.Password, "-set", "domain", _alice.Domain);

        Assert.True(exitCode == 0, log);
    }

    [Fact]
    public async Task Subscribe_ToAnotherLinesVoicemail_IsForbidden_AndAnotherEventPackageIsABadEvent()
    {
        using var phone = new SipTestPhone(new IPEndPoint(IPAddress.Loopback, _host.SipPort));

        var otherBox = await phone.SubscribeAsync(_alice.User, _alice.Password, _alice.Domain, target: "202");
        var presence = await phone.SubscribeAsync(_alice.User, _alice.Password, _alice.Domain, target: _alice.User, eventPackage: "presence");

        Assert.Equal(403, otherBox.StatusCode);
        Assert.Equal(489, presence.StatusCode);
        Assert.Equal("message-summary", presence.Headers["Allow-Events"]);
    }
}
