using System.Text;
using Telephony.Portal.Domain.Announcements;
using Telephony.TestSupport;

namespace Telephony.Portal.Tests.Domain;

public sealed class AudioFileTests
{
    private static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "Domain", "Audio", name));

    [Theory]
    [InlineData("tone-3s-cbr.mp3")]
    [InlineData("tone-3s-vbr.mp3")]
    public void Inspect_EncodedMp3_ReadsItsDurationFromTheFrames(string name)
    {
        var info = AudioFile.Inspect(Sample(name)).Value!;

        Assert.Equal(("audio/mpeg", ".mp3"), (info.ContentType, info.Extension));
        Assert.InRange(info.Duration.TotalSeconds, 2.95, 3.1);
    }

    [Fact]
    public void Inspect_Wav_ReadsItsDurationFromTheHeader()
    {
        var info = AudioFile.Inspect(TestAudio.Wav(TimeSpan.FromSeconds(2.5))).Value!;

        Assert.Equal(("audio/wav", TimeSpan.FromSeconds(2.5)), (info.ContentType, info.Duration));
    }

    [Fact]
    public void Inspect_AFourMinuteWav_IsTooLong()
    {
        var error = AudioFile.Inspect(TestAudio.Wav(TimeSpan.FromMinutes(4), sampleRate: 4000)).Error!;

        Assert.Equal(("audio.too-long", "The recording lasts 4 min 00 s; an announcement is at most 2 minutes."), (error.Code, error.Message));
    }

    [Fact]
    public void Inspect_AnMp3OfMoreThanTwoMinutes_IsTooLong()
    {
        var frames = Sample("tone-3s-cbr.mp3").AsSpan(0x2D).ToArray(); // after the ID3 tag
        var tooLong = Enumerable.Repeat(frames, 45).SelectMany(f => f).ToArray(); // 45 × 3 s

        Assert.Equal("audio.too-long", AudioFile.Inspect(tooLong).Error!.Code);
    }

    [Fact]
    public void Inspect_FiveMegabytes_IsTooBig()
    {
        var error = AudioFile.Inspect(new byte[5 * 1024 * 1024]).Error!;

        Assert.Equal(("audio.too-big", "The file is 5 MB; an announcement is at most 3 MB."), (error.Code, error.Message));
    }

    [Fact]
    public async Task ReadUpload_WithoutADeclaredLength_StopsJustPastThreeMegabytes()
    {
        await using var endless = new MemoryStream(new byte[10 * 1024 * 1024]);

        var read = await AudioFile.ReadUploadAsync(endless, declaredLength: null, CancellationToken.None);

        Assert.Equal("audio.too-big", read.Error!.Code);
        Assert.True(endless.Position < 4 * 1024 * 1024, "read far beyond the limit");
    }

    [Fact]
    public void Inspect_AFileThatIsNotAudio_IsRefused()
    {
        Assert.Equal("audio.format", AudioFile.Inspect(Encoding.UTF8.GetBytes("%PDF-1.7 this is a document")).Error!.Code);
    }

    [Fact]
    public void Inspect_AnMp3DamagedInTheMiddle_IsUnreadable()
    {
        var damaged = Sample("tone-3s-cbr.mp3");
        Array.Fill(damaged, (byte)0x20, damaged.Length / 2, 400);

        Assert.Equal("audio.unreadable", AudioFile.Inspect(damaged).Error!.Code);
    }

    [Fact]
    public void Inspect_AWavWithoutData_IsUnreadable()
    {
        var header = TestAudio.Wav(TimeSpan.Zero);

        Assert.Equal("audio.unreadable", AudioFile.Inspect(header).Error!.Code);
    }
}
