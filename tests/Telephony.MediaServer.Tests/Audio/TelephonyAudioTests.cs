using System.Buffers.Binary;
using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Tests.Audio;

public sealed class TelephonyAudioTests
{
    private static readonly short[] Samples = [0, 1, -1, short.MaxValue, short.MinValue, 1234, -4321];

    [Fact]
    public void Write_ThenRead_ReturnsTheSameSamples()
    {
        var wav = TelephonyAudio.Write(Samples);

        var read = TelephonyAudio.Read(wav);

        Assert.True(read.Succeeded, read.Error?.Message);
        Assert.Equal(Samples, read.Samples);
        Assert.Equal(44 + (Samples.Length * 2), wav.Length);
    }

    [Fact]
    public void Write_Header_IsPcmMono8kHz16Bit()
    {
        var wav = TelephonyAudio.Write(Samples);

        Assert.Equal("RIFF", System.Text.Encoding.ASCII.GetString(wav, 0, 4));
        Assert.Equal(wav.Length - 8, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(4)));
        Assert.Equal("WAVEfmt ", System.Text.Encoding.ASCII.GetString(wav, 8, 8));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(20)));
        Assert.Equal(1, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(22)));
        Assert.Equal(8000, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(24)));
        Assert.Equal(16000, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(28)));
        Assert.Equal(16, BinaryPrimitives.ReadInt16LittleEndian(wav.AsSpan(34)));
    }

    [Fact]
    public void Read_WithOtherChunks_SkipsThem()
    {
        var wav = TelephonyAudio.Write(Samples);
        // A LIST chunk of odd length (padded to even) between "fmt " and "data", as ffmpeg writes its tags.
        byte[] list = [.. "LIST"u8, 5, 0, 0, 0, .. "INFOx"u8, 0];

        var read = TelephonyAudio.Read([.. wav[..36], .. list, .. wav[36..]]);

        Assert.True(read.Succeeded, read.Error?.Message);
        Assert.Equal(Samples, read.Samples);
    }

    [Fact]
    public void Read_StreamedDataSize_ReadsToTheEnd()
    {
        var wav = TelephonyAudio.Write(Samples);
        BinaryPrimitives.WriteUInt32LittleEndian(wav.AsSpan(40), uint.MaxValue);

        var read = TelephonyAudio.Read(wav);

        Assert.Equal(Samples, read.Samples);
    }

    [Theory]
    [InlineData(22, 2, "2 channel(s)")]
    [InlineData(24, 44100, "44100 Hz")]
    [InlineData(34, 8, "8-bit")]
    [InlineData(20, 3, "format tag 3")]
    public void Read_OtherFormat_RefusedSayingWhat(int offset, int value, string expected)
    {
        var wav = TelephonyAudio.Write(Samples);
        if (offset == 24)
        {
            BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(offset), value);
        }
        else
        {
            BinaryPrimitives.WriteInt16LittleEndian(wav.AsSpan(offset), (short)value);
        }

        var read = TelephonyAudio.Read(wav);

        Assert.Equal(AudioErrorCodes.NotTelephonyWav, read.Error?.Code);
        Assert.Contains(expected, read.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotRiff_Refused()
    {
        var read = TelephonyAudio.Read("ID3\u0004 this is an mp3"u8);

        Assert.Equal(AudioErrorCodes.NotTelephonyWav, read.Error?.Code);
        Assert.Contains("RIFF", read.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DataShorterThanAnnounced_Refused()
    {
        var wav = TelephonyAudio.Write(Samples);

        var read = TelephonyAudio.Read(wav.AsSpan(0, wav.Length - 2));

        Assert.Equal(AudioErrorCodes.NotTelephonyWav, read.Error?.Code);
        Assert.Contains("data chunk announces", read.Error!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NoDataChunk_Refused()
    {
        var read = TelephonyAudio.Read(TelephonyAudio.Write(Samples).AsSpan(0, 36));

        Assert.Equal("This is not an 8 kHz mono 16-bit PCM WAV file: no data chunk.", read.Error?.Message);
    }

    [Fact]
    public void Read_EveryPrefixAndSeededMutation_RefusesOrReadsWithoutThrowing()
    {
        var wav = TelephonyAudio.Write(Samples);
        for (var length = 0; length < wav.Length; length++)
        {
            _ = TelephonyAudio.Read(wav.AsSpan(0, length));
        }

        var random = new Random(6);
        for (var i = 0; i < 2000; i++)
        {
            var mutated = (byte[])wav.Clone();
            mutated[random.Next(mutated.Length)] = (byte)random.Next(256);
            mutated[random.Next(44)] = (byte)random.Next(256);
            var read = TelephonyAudio.Read(mutated);
            Assert.True(read.Succeeded || read.Error.Code == AudioErrorCodes.NotTelephonyWav);
        }
    }

    [Fact]
    public void Duration_OfSamples_IsAtEightThousandPerSecond()
    {
        Assert.Equal(TimeSpan.FromSeconds(2.5), TelephonyAudio.Duration(20_000));
        Assert.Equal(TimeSpan.FromMilliseconds(1), TelephonyAudio.Duration(new short[8]));
        Assert.Equal(960, TelephonyAudio.SampleCount(TimeSpan.FromMilliseconds(120)));
    }
}
