namespace Telephony.MediaServer.Media;

/// <summary>
/// G.711 (ITU-T G.711): 8 kHz, one byte per sample. Table-driven, allocation-free.
/// </summary>
/// <remarks>
/// The rules are those of the ITU-T reference implementation (G.191 STL, g711.c): µ-law keeps the
/// 14 most significant bits of a sample, A-law the 13 most significant, and a negative sample is
/// encoded from its one's complement, so -1 is the smallest negative value (µ-law 0x7F, A-law
/// 0x55) and every sample x encodes to the mirror of ~x. Decoding gives the middle of each
/// quantisation step. The tables are filled once from those rules; each call is an index.
/// </remarks>
public static class G711
{
    /// <summary>µ-law adds 33 (in 14-bit units) to the magnitude so its segments start on powers of two.</summary>
    private const int MuLawBias = 33;

    /// <summary>The largest biased magnitude: louder samples clip there (as in the G.191 reference).</summary>
    private const int MuLawMaxBiased = 0x1FFF;

    // Encode tables are indexed by the bits a law keeps: µ-law sample >> 2 (14 bits), A-law
    // sample >> 4 (the 12 bits that pick a code; its 13th is below every step).
    private static readonly byte[] MuLawEncodeTable = BuildEncodeTable(14, 2, MuLawCompress);
    private static readonly byte[] ALawEncodeTable = BuildEncodeTable(12, 4, ALawCompress);
    private static readonly short[] MuLawDecodeTable = BuildDecodeTable(MuLawExpand);
    private static readonly short[] ALawDecodeTable = BuildDecodeTable(ALawExpand);

    public static byte MuLawEncode(short sample) => MuLawEncodeTable[(sample >> 2) & 0x3FFF];

    public static short MuLawDecode(byte encoded) => MuLawDecodeTable[encoded];

    public static byte ALawEncode(short sample) => ALawEncodeTable[(sample >> 4) & 0xFFF];

    public static short ALawDecode(byte encoded) => ALawDecodeTable[encoded];

    /// <summary>Encodes <paramref name="pcm"/> into the first <c>pcm.Length</c> bytes of <paramref name="encoded"/>.</summary>
    public static void Encode(ReadOnlySpan<short> pcm, Span<byte> encoded, AudioCodec codec)
    {
        if (encoded.Length < pcm.Length)
        {
            throw new ArgumentException($"{pcm.Length} samples need {pcm.Length} bytes, the buffer has {encoded.Length}.", nameof(encoded));
        }

        var (table, shift, mask) = codec switch
        {
            AudioCodec.Pcmu => (MuLawEncodeTable, 2, 0x3FFF),
            AudioCodec.Pcma => (ALawEncodeTable, 4, 0xFFF),
            _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a G.711 codec."),
        };
        for (var i = 0; i < pcm.Length; i++)
        {
            encoded[i] = table[(pcm[i] >> shift) & mask];
        }
    }

    /// <summary>Decodes <paramref name="encoded"/> into the first <c>encoded.Length</c> samples of <paramref name="pcm"/>.</summary>
    public static void Decode(ReadOnlySpan<byte> encoded, Span<short> pcm, AudioCodec codec)
    {
        if (pcm.Length < encoded.Length)
        {
            throw new ArgumentException($"{encoded.Length} bytes need {encoded.Length} samples, the buffer has {pcm.Length}.", nameof(pcm));
        }

        var table = codec switch
        {
            AudioCodec.Pcmu => MuLawDecodeTable,
            AudioCodec.Pcma => ALawDecodeTable,
            _ => throw new ArgumentOutOfRangeException(nameof(codec), codec, "Not a G.711 codec."),
        };
        for (var i = 0; i < encoded.Length; i++)
        {
            pcm[i] = table[encoded[i]];
        }
    }

    private static byte[] BuildEncodeTable(int bits, int shift, Func<int, byte> compress)
    {
        var table = new byte[1 << bits];
        for (var index = 0; index < table.Length; index++)
        {
            // The index is the kept bits of a two's-complement sample; sign-extend them back.
            var kept = (index << (32 - bits)) >> (32 - bits);
            table[index] = compress(kept << shift);
        }

        return table;
    }

    private static short[] BuildDecodeTable(Func<byte, short> expand)
    {
        var table = new short[256];
        for (var code = 0; code < table.Length; code++)
        {
            table[code] = expand((byte)code);
        }

        return table;
    }

    /// <summary>G.711 §3 (µ-law, table 2a): segment from the biased 13-bit magnitude, code word inverted.</summary>
    private static byte MuLawCompress(int sample)
    {
        var magnitude = sample < 0 ? ~sample : sample;
        var biased = Math.Min((magnitude >> 2) + MuLawBias, MuLawMaxBiased);
        var segment = 1;
        for (var rest = biased >> 6; rest != 0; rest >>= 1)
        {
            segment++;
        }

        var code = ((8 - segment) << 4) | (0xF - ((biased >> segment) & 0xF));
        return (byte)(sample >= 0 ? code | 0x80 : code);
    }

    private static short MuLawExpand(byte code)
    {
        var inverted = ~code;
        var exponent = (inverted >> 4) & 0x7;
        var mantissa = inverted & 0xF;
        var step = 4 << (exponent + 1);
        var magnitude = (0x80 << exponent) + (step * mantissa) + (step / 2) - (4 * MuLawBias);
        return (short)(code < 0x80 ? -magnitude : magnitude);
    }

    /// <summary>G.711 §2 (A-law, table 1a): 7 segments above a linear first one, even bits inverted.</summary>
    private static byte ALawCompress(int sample)
    {
        var index = (sample < 0 ? ~sample : sample) >> 4;
        if (index > 15)
        {
            var exponent = 1;
            while (index > 16 + 15)
            {
                index >>= 1;
                exponent++;
            }

            index = index - 16 + (exponent << 4);
        }

        if (sample >= 0)
        {
            index |= 0x80;
        }

        return (byte)(index ^ 0x55);
    }

    private static short ALawExpand(byte code)
    {
        var toggled = (code ^ 0x55) & 0x7F;
        var exponent = toggled >> 4;
        var mantissa = toggled & 0xF;
        if (exponent > 0)
        {
            mantissa += 16;
        }

        var magnitude = (mantissa << 4) + 8;
        if (exponent > 1)
        {
            magnitude <<= exponent - 1;
        }

        return (short)(code > 0x7F ? magnitude : -magnitude);
    }
}
