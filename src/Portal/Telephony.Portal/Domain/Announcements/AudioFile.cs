using System.Buffers.Binary;

namespace Telephony.Portal.Domain.Announcements;

/// <summary>What an uploaded announcement is: its type and how long it plays.</summary>
public sealed record AudioInfo(string ContentType, string Extension, TimeSpan Duration);

/// <summary>
/// S-ANN: an uploaded announcement is an MP3 or a WAV file of at most 3 MB and 2 minutes. The
/// duration is read from the file itself — the WAV header (RIFF "fmt " and "data" chunks), or
/// the MP3 frames one by one (ISO/IEC 11172-3 and 13818-3 frame headers, after an ID3v2 tag) —
/// so the limit holds before the media server converts the audio.
/// </summary>
public static class AudioFile
{
    public const long MaxBytes = 3 * 1024 * 1024;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromMinutes(2);

    // Bit rates in kbit/s by index, for MPEG-1 layer III and MPEG-2/2.5 layer III.
    private static readonly int[] Mpeg1Layer3Bitrates = [0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320];
    private static readonly int[] Mpeg2Layer3Bitrates = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];
    private static readonly int[] Mpeg1SampleRates = [44100, 48000, 32000];

    public static Result<AudioInfo> Inspect(ReadOnlySpan<byte> file, string field = "File")
    {
        if (file.Length == 0)
        {
            return Error.Validation("audio.empty", "Choose an MP3 or WAV file.", field);
        }

        if (CheckSize(file.Length, field) is { } tooBig)
        {
            return tooBig;
        }

        TimeSpan? duration;
        AudioInfo info;
        if (file.Length >= 12 && file[..4].SequenceEqual("RIFF"u8) && file.Slice(8, 4).SequenceEqual("WAVE"u8))
        {
            duration = WavDuration(file);
            info = new AudioInfo("audio/wav", ".wav", duration ?? TimeSpan.Zero);
        }
        else if (LooksLikeMp3(file))
        {
            duration = Mp3Duration(file);
            info = new AudioInfo("audio/mpeg", ".mp3", duration ?? TimeSpan.Zero);
        }
        else
        {
            return Error.Validation("audio.format", "This file is not audio the platform reads: upload an MP3 or a WAV file.", field);
        }

        if (duration is null || duration.Value <= TimeSpan.Zero)
        {
            return Error.Validation("audio.unreadable", $"This {info.Extension[1..].ToUpperInvariant()} file is damaged or empty: it could not be read.", field);
        }

        if (duration.Value > MaxDuration)
        {
            return Error.Validation("audio.too-long", $"The recording lasts {(int)duration.Value.TotalMinutes} min {duration.Value.Seconds:00} s; an announcement is at most 2 minutes.", field);
        }

        return info;
    }

    /// <summary>Refuses a file over 3 MB from its size alone, before it is read.</summary>
    public static Error? CheckSize(long bytes, string field = "File") =>
        bytes > MaxBytes
            ? Error.Validation("audio.too-big", $"The file is {bytes / (1024.0 * 1024.0):0.#} MB; an announcement is at most 3 MB.", field)
            : null;

    /// <summary>
    /// Reads an upload, refusing it as soon as it passes 3 MB (from its declared length, or
    /// while reading when none is declared), so a huge body is never held in memory.
    /// </summary>
    public static async Task<Result<byte[]>> ReadUploadAsync(Stream content, long? declaredLength, CancellationToken cancellationToken, string field = "File")
    {
        if (declaredLength is { } length && CheckSize(length, field) is { } declaredTooBig)
        {
            return declaredTooBig;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return Error.Validation("audio.too-big", "The file is larger than 3 MB; an announcement is at most 3 MB.", field);
            }
        }

        return buffer.ToArray();
    }

    private static TimeSpan? WavDuration(ReadOnlySpan<byte> file)
    {
        int? byteRate = null;
        var offset = 12;
        while (offset + 8 <= file.Length)
        {
            var id = file.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file.Slice(offset + 4, 4));
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8) && size >= 16 && body + 16 <= file.Length)
            {
                byteRate = BinaryPrimitives.ReadInt32LittleEndian(file.Slice(body + 8, 4));
            }
            else if (id.SequenceEqual("data"u8))
            {
                // Streamed WAVs may say 0 or 0xFFFFFFFF: the data then runs to the end of the file.
                var available = file.Length - body;
                var dataBytes = size == 0 || size > available ? available : (long)size;
                return byteRate is > 0 ? TimeSpan.FromSeconds(dataBytes / (double)byteRate.Value) : null;
            }

            offset = body + (int)Math.Min(size + (size & 1), int.MaxValue - body);
        }

        return null;
    }

    private static bool LooksLikeMp3(ReadOnlySpan<byte> file) =>
        (file.Length >= 10 && file[..3].SequenceEqual("ID3"u8)) || (file.Length >= 4 && FrameLength(file, out _) is not null);

    private static TimeSpan? Mp3Duration(ReadOnlySpan<byte> file)
    {
        var offset = 0;
        if (file.Length >= 10 && file[..3].SequenceEqual("ID3"u8))
        {
            // ID3v2: a 10-byte header whose size is four 7-bit "syncsafe" bytes (plus a footer flag).
            var tagSize = (file[6] << 21) | (file[7] << 14) | (file[8] << 7) | file[9];
            offset = 10 + tagSize + ((file[5] & 0x10) != 0 ? 10 : 0);
        }

        double seconds = 0;
        var frames = 0;
        while (offset + 4 <= file.Length)
        {
            if (file.Length - offset >= 3 && file.Slice(offset, 3).SequenceEqual("TAG"u8) && file.Length - offset == 128)
            {
                break; // ID3v1 tag at the very end.
            }

            var length = FrameLength(file[offset..], out var frameSeconds);
            if (length is null)
            {
                return null;
            }

            seconds += frameSeconds;
            frames++;
            offset += length.Value;
        }

        return frames == 0 ? null : TimeSpan.FromSeconds(seconds);
    }

    /// <summary>The length in bytes of the layer III frame starting here, or null when no frame starts here.</summary>
    private static int? FrameLength(ReadOnlySpan<byte> frame, out double seconds)
    {
        seconds = 0;
        if (frame.Length < 4 || frame[0] != 0xFF || (frame[1] & 0xE0) != 0xE0)
        {
            return null;
        }

        var version = (frame[1] >> 3) & 0x3; // 3: MPEG-1, 2: MPEG-2, 0: MPEG-2.5
        var layer = (frame[1] >> 1) & 0x3; // 1: layer III
        var bitrateIndex = frame[2] >> 4;
        var sampleRateIndex = (frame[2] >> 2) & 0x3;
        var padding = (frame[2] >> 1) & 0x1;
        if (version == 1 || layer != 1 || bitrateIndex is 0 or 15 || sampleRateIndex == 3)
        {
            return null;
        }

        var mpeg1 = version == 3;
        var sampleRate = Mpeg1SampleRates[sampleRateIndex] / (mpeg1 ? 1 : version == 2 ? 2 : 4);
        var bitrate = (mpeg1 ? Mpeg1Layer3Bitrates : Mpeg2Layer3Bitrates)[bitrateIndex] * 1000;
        var samples = mpeg1 ? 1152 : 576;
        seconds = samples / (double)sampleRate;
        return (samples / 8 * bitrate / sampleRate) + padding;
    }
}
