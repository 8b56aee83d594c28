using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Tests.Audio;

/// <summary>S-ANN uploads through the real ffprobe and ffmpeg.</summary>
public sealed class AudioConverterTests : IDisposable
{
    private readonly TestFolder _folder = new();
    private readonly AudioConverter _converter;

    public AudioConverterTests() => _converter = AudioTestTools.Converter(_folder.Options());

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task ConvertAsync_FiveSecondMp3_GivesFiveSecondsOfTelephonyAudio()
    {
        var mp3 = await AudioTestTools.Mp3Async(_folder, TimeSpan.FromSeconds(5));

        var result = await _converter.ConvertAsync(mp3, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(5, result.Duration.TotalSeconds, precision: 1);
        Assert.True(AudioTestTools.Rms(result.Samples) > 0.3, "a sine wave peaking at -3 dBFS has an RMS of 0.5");
        _folder.AssertNoTemporaryFiles();
    }

    [Fact]
    public async Task ConvertAsync_Wav44kHzStereo_Converts()
    {
        var wav = await AudioTestTools.FfmpegAsync("sine=frequency=440:duration=3:sample_rate=44100", _folder.File("stereo.wav"), "-ac", "2");

        var result = await _converter.ConvertAsync(wav, CancellationToken.None);

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(TelephonyAudio.SampleCount(TimeSpan.FromSeconds(3)), result.Samples.Length);
        Assert.True(TelephonyAudio.Read(TelephonyAudio.Write(result.Samples)).Succeeded);
        _folder.AssertNoTemporaryFiles();
    }

    [Fact]
    public async Task ConvertAsync_QuietRecording_IsNormalisedToMinus3Dbfs()
    {
        var mp3 = await AudioTestTools.Mp3Async(_folder, TimeSpan.FromSeconds(2), amplitude: 0.05);

        var result = await _converter.ConvertAsync(mp3, CancellationToken.None);

        Assert.Equal(-3, AudioTestTools.Dbfs(AudioTestTools.Peak(result.Samples) / (double)short.MaxValue), precision: 1);
    }

    [Fact]
    public async Task ConvertAsync_FourMinuteMp3_RefusedTooLong()
    {
        var mp3 = await AudioTestTools.Mp3Async(_folder, TimeSpan.FromMinutes(4), bitrate: "32k");
        Assert.True(mp3.Length < AudioConverter.MaxUploadBytes);

        var result = await _converter.ConvertAsync(mp3, CancellationToken.None);

        Assert.Equal(AudioErrorCodes.TooLong, result.Error?.Code);
        Assert.Equal("The recording lasts 4 min 00 s; an announcement is at most 2 minutes.", result.Error?.Message);
        _folder.AssertNoTemporaryFiles();
    }

    [Fact]
    public async Task ConvertAsync_FiveMegabytes_RefusedTooLargeWithoutRunningAnyTool()
    {
        var options = _folder.Options();
        options.FfmpegPath = options.FfprobePath = _folder.File("no-such-tool");

        var result = await AudioTestTools.Converter(options).ConvertAsync(new byte[5 * 1024 * 1024], CancellationToken.None);

        Assert.Equal(AudioErrorCodes.TooLarge, result.Error?.Code);
        Assert.Equal("The file is 5 MB; an announcement is at most 3 MB.", result.Error?.Message);
        _folder.AssertNoTemporaryFiles();
    }

    [Fact]
    public async Task ConvertAsync_TextFile_RefusedNotAudio()
    {
        var result = await _converter.ConvertAsync("Hello, this is not a song.\n"u8.ToArray(), CancellationToken.None);

        Assert.Equal(AudioErrorCodes.NotAudio, result.Error?.Code);
        Assert.Equal("This file is not audio the platform reads (it is neither MP3 nor WAV): upload an MP3 or a WAV file.", result.Error?.Message);
        _folder.AssertNoTemporaryFiles();
    }

    [Fact]
    public async Task ConvertAsync_RandomBytes_RefusedNotAudio()
    {
        var bytes = new byte[200_000];
        new Random(42).NextBytes(bytes);

        var result = await _converter.ConvertAsync(bytes, CancellationToken.None);

        Assert.Equal(AudioErrorCodes.NotAudio, result.Error?.Code);
        _folder.AssertNoTemporaryFiles();
    }

    [Fact]
    public async Task ConvertAsync_Empty_RefusedNotAudio()
    {
        var result = await _converter.ConvertAsync(ReadOnlyMemory<byte>.Empty, CancellationToken.None);

        Assert.Equal(AudioErrorCodes.NotAudio, result.Error?.Code);
        Assert.Contains("empty", result.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConvertFileAsync_PngRenamedMp3_RefusedNotAudio()
    {
        await AudioTestTools.FfmpegAsync("color=c=red:s=32x32", _folder.File("picture.png"), "-frames:v", "1");
        File.Move(_folder.File("picture.png"), _folder.File("song.mp3"));

        var result = await _converter.ConvertFileAsync(_folder.File("song.mp3"), CancellationToken.None);

        Assert.Equal(AudioErrorCodes.NotAudio, result.Error?.Code);
        _folder.AssertNoTemporaryFiles();
    }

    [Fact]
    public async Task ConvertFileAsync_Mp3File_Converts()
    {
        var mp3 = await AudioTestTools.Mp3Async(_folder, TimeSpan.FromSeconds(1));
        await File.WriteAllBytesAsync(_folder.File("upload.mp3"), mp3);

        var result = await _converter.ConvertFileAsync(_folder.File("upload.mp3"), CancellationToken.None);

        Assert.Equal(1, result.Duration.TotalSeconds, precision: 1);
    }

    [Fact]
    public async Task ConvertAsync_ToolHangs_KilledAtTheTimeoutAndReportsTimeout()
    {
        // A stand-in for a stuck ffprobe: it records its process id, then waits far longer than the timeout.
        var pidFile = _folder.File("pid");
        var hanging = _folder.File("hanging-ffprobe.sh");
        await File.WriteAllTextAsync(hanging, $"#!/bin/sh\necho $$ > '{pidFile}'\nexec sleep 60\n");
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(hanging, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var options = _folder.Options();
        options.FfprobePath = hanging;
        options.ConversionTimeout = TimeSpan.FromMilliseconds(300);
        var mp3 = await AudioTestTools.Mp3Async(_folder, TimeSpan.FromSeconds(1));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var result = await AudioTestTools.Converter(options).ConvertAsync(mp3, CancellationToken.None);

        Assert.Equal(AudioErrorCodes.Timeout, result.Error?.Code);
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"took {started.Elapsed}");
        var pid = int.Parse(await File.ReadAllTextAsync(pidFile), System.Globalization.CultureInfo.InvariantCulture);
        Assert.False(Directory.Exists($"/proc/{pid}"), "the hanging tool was killed");
        _folder.AssertNoTemporaryFiles();
    }

    [Fact]
    public async Task ConvertAsync_CancelledByCaller_ThrowsAndLeavesNoFiles()
    {
        var mp3 = await AudioTestTools.Mp3Async(_folder, TimeSpan.FromSeconds(1));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => _converter.ConvertAsync(mp3, new CancellationToken(canceled: true)));

        _folder.AssertNoTemporaryFiles();
    }
}
