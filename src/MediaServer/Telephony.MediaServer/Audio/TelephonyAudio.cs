using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Telephony.MediaServer.Audio;

/// <summary>
/// The one format the media server stores and plays: WAV, 8 kHz, mono, 16-bit linear PCM. The
/// RTP side encodes these samples to G.711 per call, so nothing stored depends on a codec.
/// Reading checks the RIFF/WAVE header, the <c>fmt </c> chunk (format tag 1, one channel,
/// 8000 Hz, 16 bits) and takes the <c>data</c> chunk, skipping any other chunk (LIST, fact...).
/// </summary>
public static class TelephonyAudio
{
    public const int SampleRate = 8000;
    public const int BytesPerSample = 2;

    private const int HeaderLength = 44;
    private const ushort PcmFormat = 1;

    public static TimeSpan Duration(int sampleCount) => TimeSpan.FromSeconds(sampleCount / (double)SampleRate);

    public static TimeSpan Duration(ReadOnlySpan<short> samples) => Duration(samples.Length);

    /// <summary>The number of samples lasting <paramref name="duration"/>, rounded down.</summary>
    public static int SampleCount(TimeSpan duration) => (int)(duration.Ticks * SampleRate / TimeSpan.TicksPerSecond);

    public static AudioResult Read(ReadOnlySpan<byte> wav)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            return AudioError.NotTelephonyWav("no RIFF/WAVE header");
        }

        var formatChecked = false;
        var offset = 12;
        while (offset + 8 <= wav.Length)
        {
            var id = wav.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wav.Slice(offset + 4, 4));
            var body = offset + 8;
            var available = wav.Length - body;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || available < 16)
                {
                    return AudioError.NotTelephonyWav("the fmt chunk is truncated");
                }

                if (CheckFormat(wav.Slice(body, 16)) is { } wrongFormat)
                {
                    return wrongFormat;
                }

                formatChecked = true;
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (!formatChecked)
                {
                    return AudioError.NotTelephonyWav("no fmt chunk before the data");
                }

                // A WAV streamed by a tool that could not seek back says 0 or 0xFFFFFFFF: the data
                // then runs to the end of the file. Any other size must be there in full.
                var length = size is 0 or uint.MaxValue ? available - (available % BytesPerSample) : (long)size;
                if (length > available)
                {
                    return AudioError.NotTelephonyWav($"the data chunk announces {size} bytes but the file holds {available}");
                }

                if (length % BytesPerSample != 0)
                {
                    return AudioError.NotTelephonyWav("the data chunk ends in the middle of a sample");
                }

                return AudioResult.Success(FromPcm(wav.Slice(body, (int)length)));
            }

            // Chunks are padded to an even length (RIFF).
            var next = body + (long)size + (size & 1);
            if (next > wav.Length)
            {
                break;
            }

            offset = (int)next;
        }

        return AudioError.NotTelephonyWav("no data chunk");
    }

    /// <summary>A canonical 44-byte-header WAV of <paramref name="samples"/>.</summary>
    public static byte[] Write(ReadOnlySpan<short> samples)
    {
        var dataLength = samples.Length * BytesPerSample;
        var wav = new byte[HeaderLength + dataLength];
        var header = wav.AsSpan();
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], HeaderLength - 8 + dataLength);
        "WAVE"u8.CopyTo(header[8..]);
        "fmt "u8.CopyTo(header[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], PcmFormat);
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(header[24..], SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(header[28..], SampleRate * BytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], BytesPerSample);
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], BytesPerSample * 8);
        "data"u8.CopyTo(header[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(header[40..], dataLength);
        var data = MemoryMarshal.Cast<byte, short>(header[HeaderLength..]);
        samples.CopyTo(data);
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(data, data);
        }

        return wav;
    }

    /// <summary>Samples from raw little-endian 16-bit PCM (what ffmpeg writes with <c>-f s16le</c>).</summary>
    internal static short[] FromPcm(ReadOnlySpan<byte> pcm)
    {
        var samples = MemoryMarshal.Cast<byte, short>(pcm[..(pcm.Length - (pcm.Length % BytesPerSample))]).ToArray();
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(samples, samples);
        }

        return samples;
    }

    private static AudioError? CheckFormat(ReadOnlySpan<byte> fmt)
    {
        var formatTag = BinaryPrimitives.ReadUInt16LittleEndian(fmt);
        var channels = BinaryPrimitives.ReadUInt16LittleEndian(fmt[2..]);
        var sampleRate = BinaryPrimitives.ReadInt32LittleEndian(fmt[4..]);
        var bitsPerSample = BinaryPrimitives.ReadUInt16LittleEndian(fmt[14..]);
        if (formatTag != PcmFormat)
        {
            return AudioError.NotTelephonyWav($"format tag {formatTag} is not linear PCM (1)");
        }

        return channels == 1 && sampleRate == SampleRate && bitsPerSample == BytesPerSample * 8
            ? null
            : AudioError.NotTelephonyWav($"it is {sampleRate} Hz, {channels} channel(s), {bitsPerSample}-bit");
    }
}
