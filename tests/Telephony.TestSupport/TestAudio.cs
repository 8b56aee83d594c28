using System.Buffers.Binary;

namespace Telephony.TestSupport;

/// <summary>Audio files made in memory for upload tests.</summary>
public static class TestAudio
{
    /// <summary>A PCM WAV (16-bit mono) of a 440 Hz tone lasting <paramref name="duration"/>.</summary>
    public static byte[] Wav(TimeSpan duration, int sampleRate = 8000)
    {
        var samples = (int)(duration.TotalSeconds * sampleRate);
        var data = samples * 2;
        var file = new byte[44 + data];
        "RIFF"u8.CopyTo(file);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(4), 36 + data);
        "WAVEfmt "u8.CopyTo(file.AsSpan(8));
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(16), 16);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(20), 1); // PCM
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(22), 1); // mono
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(24), sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(28), sampleRate * 2);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(32), 2);
        BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(34), 16);
        "data"u8.CopyTo(file.AsSpan(36));
        BinaryPrimitives.WriteInt32LittleEndian(file.AsSpan(40), data);
        for (var i = 0; i < samples; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(file.AsSpan(44 + (i * 2)), (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / sampleRate)));
        }

        return file;
    }

    /// <summary>
    /// A WAV lasting <paramref name="duration"/> whose "fmt " byte rate claims <paramref name="factor"/>
    /// times the real one: a reader of the header finds it that much shorter, a decoder (ffmpeg)
    /// its real length.
    /// </summary>
    public static byte[] WavWithLyingByteRate(TimeSpan duration, int sampleRate, int factor)
    {
        var wav = Wav(duration, sampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(28), sampleRate * 2 * factor);
        return wav;
    }
}
