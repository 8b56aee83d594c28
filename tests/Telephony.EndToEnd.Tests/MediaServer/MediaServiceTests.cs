using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.MediaServer;

/// <summary>
/// The media server's services called by real user agents: the announcement (RFC 4240 "annc")
/// by baresip recording what it hears — the audio arrives whole and the server hangs up after
/// it — and digit collection by sipp pressing keys as SIP INFO.
/// </summary>
public sealed partial class MediaServiceTests : IAsyncLifetime
{
    private readonly string _audioFolder = Directory.CreateTempSubdirectory("annc-audio").FullName;
    private MediaServerProcess _media = null!;

    public async Task InitializeAsync() => _media = await MediaServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        await _media.DisposeAsync();
        Directory.Delete(_audioFolder, recursive: true);
    }

    [Fact]
    public async Task CallToAnAnnouncement_HearsItWhole_ThenTheServerHangsUp()
    {
        var quiet = Wav.Tone(Path.Combine(_audioFolder, "quiet.wav"), seconds: 0.1, silenceAfter: 30, frequency: 1);
        await using var phone = Baresip.StartUnregistered(quiet);

        await phone.CommandAsync("dial", $"sip:annc@127.0.0.1:{_media.SipPort};play=prompt:en/welcome");
        await Eventually.TrueAsync(
            () => Task.FromResult(phone.Output.Contains("terminated", StringComparison.OrdinalIgnoreCase)),
            TimeSpan.FromSeconds(30),
            "the media server to hang up after the announcement:\n" + phone.Output + "\n" + string.Join('\n', _media.Process.Output));

        var source = Wav.Read(Path.Combine(TestEnvironment.RepositoryRoot, "src/MediaServer/Telephony.MediaServer/Audio/Prompts/en/welcome.wav"));
        // baresip writes the WAV's sizes when it closes the file, a moment after the call ends.
        var heard = await Eventually.GetAsync(
            () => Task.FromResult(phone.Recording("-dec") is { } file && Wav.Read(file) is { Samples.Length: > 0 } wav ? wav : null),
            TimeSpan.FromSeconds(5),
            "the recording: " + string.Join(", ", Directory.GetFiles(phone.RecordingFolder).Select(f => $"{f} {new FileInfo(f).Length}")) + "\n" + phone.Output[^3000..]);
        Assert.InRange(heard.ActiveSeconds(), source.ActiveSeconds() - 0.3, source.ActiveSeconds() + 0.3);
        Assert.InRange(heard.ActiveRms(), source.ActiveRms() * 0.8, source.ActiveRms() * 1.2);
    }

    [Fact]
    public async Task Collect_DigitsSentAsSipInfo_AreReportedToTheCallerInAnInfo_ThenTheServerHangsUp()
    {
        var (exitCode, log) = await Sipp.RunAsync("uac-collect-info-dtmf-expect-digits.xml", _media.SipPort, "-mp", FreePorts.TakeBlock(2).ToString(System.Globalization.CultureInfo.InvariantCulture));

        Assert.True(exitCode == 0, log + "\n" + string.Join('\n', _media.Process.Output));
        // The count is logged, never the digits (they may be a PIN).
        var collected = Assert.Single(_media.Process.Output, l => l.Contains("collected", StringComparison.Ordinal));
        Assert.Equal("collected 2 digit(s) (MaxDigits)", collected[collected.IndexOf("collected", StringComparison.Ordinal)..]);
    }

    [Fact]
    public async Task CallToAnUnknownAnnouncement_IsRefusedWith404()
    {
        var quiet = Wav.Tone(Path.Combine(_audioFolder, "quiet.wav"), seconds: 0.1, silenceAfter: 5, frequency: 1);
        await using var phone = Baresip.StartUnregistered(quiet);

        await phone.CommandAsync("dial", $"sip:annc@127.0.0.1:{_media.SipPort};play=prompt:en/no-such-prompt");

        await Eventually.TrueAsync(
            () => Task.FromResult(phone.Output.Contains("404", StringComparison.Ordinal)),
            TimeSpan.FromSeconds(15),
            "a 404 for the unknown audio:\n" + phone.Output);
    }
}
