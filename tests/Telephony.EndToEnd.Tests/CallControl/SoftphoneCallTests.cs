using System.Net;
using Telephony.EndToEnd.Tests.Embedded;
using Telephony.Sip.Messages;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.CallControl;

/// <summary>
/// Two real softphones (baresip) register with the demo lines' printed credentials and call
/// each other through the platform: the callee hears the caller's audio (same duration and
/// energy as the WAV played) and receives the DTMF digits the caller sends.
/// </summary>
public sealed class SoftphoneCallTests : IAsyncLifetime
{
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("telephony-baresip").FullName;
    private readonly string _audioFolder = Directory.CreateTempSubdirectory("telephony-audio").FullName;
    private readonly int[] _ports = FreePorts.Take(5);
    private EmbeddedHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = EmbeddedHost.Start(_dataFolder, _ports);
        await _host.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
        Directory.Delete(_audioFolder, recursive: true);
    }

    [Fact]
    public async Task TwoBaresips_CallEachOther_CalleeHearsTheCallersAudioAndDtmf()
    {
        var accounts = await _host.SipAccountsAsync();
        var alice = accounts.Single(a => a.Short == "201");
        var bruno = accounts.Single(a => a.Short == "202");
        var tone = Wav.Tone(Path.Combine(_audioFolder, "tone.wav"), seconds: 3, silenceAfter: 20);
        var quiet = Wav.Tone(Path.Combine(_audioFolder, "quiet.wav"), seconds: 0.1, silenceAfter: 20, frequency: 1);
        await using var caller = Baresip.Start(alice.User, alice.Password, alice.Domain, _host.SipPort, tone, autoAnswer: false);
        await using var callee = Baresip.Start(bruno.User, bruno.Password, bruno.Domain, _host.SipPort, quiet, autoAnswer: true);
        await WaitUntilRegisteredAsync(bruno, callee);
        await WaitUntilRegisteredAsync(alice, caller);

        await caller.CommandAsync("dial", $"sip:202@{alice.Domain}");
        await Eventually.TrueAsync(() => Task.FromResult(callee.Recording("-dec") is not null), TimeSpan.FromSeconds(15), "the callee to answer and record:\n" + callee.Output + "\n" + caller.Output);
        await Task.Delay(TimeSpan.FromSeconds(4)); // the 3 s tone plays in real time
        await caller.CommandAsync("sndcode", "123#");
        await Eventually.TrueAsync(() => Task.FromResult(callee.Output.Contains("received event: '#'", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the DTMF digits at the callee:\n" + callee.Output);
        await caller.CommandAsync("hangup");
        await Eventually.TrueAsync(() => Task.FromResult(callee.Output.Contains("terminated", StringComparison.OrdinalIgnoreCase)), TimeSpan.FromSeconds(10), "the callee to see the hang-up");

        var sent = Wav.Read(tone);
        var heard = Wav.Read(callee.Recording("-dec")!);
        Assert.InRange(heard.ActiveSeconds(), sent.ActiveSeconds() - 0.3, sent.ActiveSeconds() + 0.3);
        Assert.InRange(heard.ActiveRms(), sent.ActiveRms() * 0.8, sent.ActiveRms() * 1.2);
        foreach (var digit in new[] { "1", "2", "3", "#" })
        {
            Assert.Contains($"received event: '{digit}'", callee.Output, StringComparison.Ordinal);
        }
    }

    /// <summary>Waits for the registrar to hold the softphone's contact; a timeout shows what baresip said.</summary>
    private async Task WaitUntilRegisteredAsync((string User, string Password, string Domain, string Number, string Short) account, Baresip softphone)
    {
        using var probe = new SipTestPhone(new IPEndPoint(IPAddress.Loopback, _host.SipPort));
        await Eventually.TrueAsync(
            async () => (await probe.RegisterAsync(account.User, account.Password, account.Domain, expires: null, algorithm: "MD5", contact: "")).Headers.Values(SipHeaderNames.Contact).Count > 0,
            TimeSpan.FromSeconds(20),
            $"baresip to register {account.User}:\n{softphone.Output}");
    }
}
