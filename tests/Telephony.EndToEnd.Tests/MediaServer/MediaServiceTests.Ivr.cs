using System.Globalization;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.MediaServer;

/// <summary>
/// The IVR service (<c>sip:ivr@ms;tenant=…;lang=…</c>) driven by sipp as CallControl would: the
/// menu in a multipart INVITE, a two-level choice pressed as SIP INFO or as RFC 4733 events on
/// RTP, the choice reported back in an INFO; the scenario fails if that INFO never comes.
/// </summary>
public sealed partial class MediaServiceTests
{
    [Fact]
    public async Task Ivr_ATwoLevelChoicePressedAsSipInfo_IsReportedToTheCallerInAnInfo()
    {
        var (exitCode, log) = await Sipp.RunAsync("uac-ivr-info-dtmf-expect-destination.xml", _media.SipPort, IvrArguments());

        Assert.True(exitCode == 0, log + "\n" + string.Join('\n', _media.Process.Output));
    }

    [Fact]
    public async Task Ivr_ATwoLevelChoicePressedAsRfc4733Events_IsReportedToTheCallerInAnInfo()
    {
        var (exitCode, log) = await Sipp.RunAsync("uac-ivr-rfc4733-dtmf-expect-destination.xml", _media.SipPort, IvrArguments());

        Assert.True(exitCode == 0, log + "\n" + string.Join('\n', _media.Process.Output));
    }

    [Fact]
    public async Task Ivr_ThreeSilences_PlayGoodbye_ThenTheServerHangsUp()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();

        var (exitCode, log) = await Sipp.RunAsync("uac-ivr-silence-expect-goodbye-bye.xml", _media.SipPort, [.. IvrArguments(), "-timeout", "45s"]);

        Assert.True(exitCode == 0, log + "\n" + string.Join('\n', _media.Process.Output));
        // Three plays of a 0.4 s menu, each followed by a 5 s wait, then a 1 s goodbye.
        Assert.InRange(started.Elapsed, TimeSpan.FromSeconds(16), TimeSpan.FromSeconds(30));
    }

    private static string[] IvrArguments() =>
        ["-mp", FreePorts.TakeBlock(4).ToString(CultureInfo.InvariantCulture), "-set", "tenant", Guid.NewGuid().ToString()];
}
