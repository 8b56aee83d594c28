using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.MediaServer;

/// <summary>
/// The media server's announcement service (RFC 4240 "annc") called by a real softphone
/// (baresip, recording what it hears): the audio arrives whole and the server hangs up after it.
/// </summary>
public sealed class AnnouncementTests : IAsyncLifetime
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
