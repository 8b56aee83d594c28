using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Tests.Media;

/// <summary>
/// Reference values from the ITU-T G.191 reference implementation of G.711 (which encodes a
/// negative sample from its one's complement) and the tables of Sun's g711.c, which agree with it
/// on every value below.
/// </summary>
public sealed class G711Tests
{
    [Theory]
    [InlineData(0, 0xFF)]
    [InlineData(1, 0xFF)]
    [InlineData(-1, 0x7F)]
    [InlineData(100, 0xF2)]
    [InlineData(1000, 0xCE)]
    [InlineData(-1000, 0x4E)]
    [InlineData(10000, 0x9C)]
    [InlineData(-10000, 0x1C)]
    [InlineData(32767, 0x80)]
    [InlineData(-32768, 0x00)]
    public void MuLawEncode_ReferenceSamples_GiveReferenceCodes(short sample, byte expected)
    {
        Assert.Equal(expected, G711.MuLawEncode(sample));
    }

    [Theory]
    [InlineData(0x00, -32124)]
    [InlineData(0x80, 32124)]
    [InlineData(0xFF, 0)]
    [InlineData(0x7F, 0)]
    [InlineData(0xFE, 8)]
    [InlineData(0xF0, 120)]
    [InlineData(0xEF, 132)]
    public void MuLawDecode_ReferenceCodes_GiveReferenceSamples(byte code, short expected)
    {
        Assert.Equal(expected, G711.MuLawDecode(code));
    }

    [Theory]
    [InlineData(0, 0xD5)]
    [InlineData(-1, 0x55)]
    [InlineData(100, 0xD3)]
    [InlineData(1000, 0xFA)]
    [InlineData(-1000, 0x7A)]
    [InlineData(10000, 0xB6)]
    [InlineData(-10000, 0x36)]
    [InlineData(32767, 0xAA)]
    [InlineData(-32768, 0x2A)]
    public void ALawEncode_ReferenceSamples_GiveReferenceCodes(short sample, byte expected)
    {
        Assert.Equal(expected, G711.ALawEncode(sample));
    }

    [Theory]
    [InlineData(0x55, -8)]
    [InlineData(0xD5, 8)]
    [InlineData(0x54, -24)]
    [InlineData(0x45, -264)]
    [InlineData(0x2A, -32256)]
    [InlineData(0xAA, 32256)]
    public void ALawDecode_ReferenceCodes_GiveReferenceSamples(byte code, short expected)
    {
        Assert.Equal(expected, G711.ALawDecode(code));
    }

    /// <summary>
    /// With a 4-bit mantissa a step is about 1/16 of the sample, so decoding lands within half a
    /// step (|x|/32) plus the smallest half-step (µ-law 4, A-law 8) and one for the one's complement
    /// of negative samples; the clipped top of the range stays inside the same bound.
    /// </summary>
    [Theory]
    [InlineData(AudioCodec.Pcmu, 5)]
    [InlineData(AudioCodec.Pcma, 8)]
    public void EncodeThenDecode_WholeSixteenBitRange_StaysWithinHalfAStep(AudioCodec codec, int floor)
    {
        for (int x = short.MinValue; x <= short.MaxValue; x++)
        {
            var sample = (short)x;
            var decoded = codec == AudioCodec.Pcmu
                ? G711.MuLawDecode(G711.MuLawEncode(sample))
                : G711.ALawDecode(G711.ALawEncode(sample));
            var error = Math.Abs(x - decoded);
            Assert.True(error <= floor + (Math.Abs(x) / 32), $"{codec}: {x} came back as {decoded}");
            Assert.True(decoded == 0 || Math.Sign(decoded) == Math.Sign(x) || Math.Abs(x) <= floor, $"{codec}: {x} changed sign ({decoded})");
        }
    }

    [Fact]
    public void MuLawDecodeThenEncode_EveryCode_GivesTheCodeBackButNegativeZero()
    {
        for (var code = 0; code < 256; code++)
        {
            var again = G711.MuLawEncode(G711.MuLawDecode((byte)code));
            // 0x7F and 0xFF both mean zero; zero encodes as 0xFF.
            Assert.Equal(code == 0x7F ? 0xFF : code, again);
        }
    }

    [Fact]
    public void ALawDecodeThenEncode_EveryCode_GivesTheCodeBack()
    {
        for (var code = 0; code < 256; code++)
        {
            Assert.Equal(code, G711.ALawEncode(G711.ALawDecode((byte)code)));
        }
    }

    [Theory]
    [InlineData(AudioCodec.Pcmu)]
    [InlineData(AudioCodec.Pcma)]
    public void EncodeAndDecode_Frames_MatchTheSampleFunctions(AudioCodec codec)
    {
        var pcm = new short[160];
        var random = new Random(160);
        for (var i = 0; i < pcm.Length; i++)
        {
            pcm[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
        }

        var encoded = new byte[160];
        var decoded = new short[160];
        G711.Encode(pcm, encoded, codec);
        G711.Decode(encoded, decoded, codec);

        for (var i = 0; i < pcm.Length; i++)
        {
            var code = codec == AudioCodec.Pcmu ? G711.MuLawEncode(pcm[i]) : G711.ALawEncode(pcm[i]);
            Assert.Equal(code, encoded[i]);
            Assert.Equal(codec == AudioCodec.Pcmu ? G711.MuLawDecode(code) : G711.ALawDecode(code), decoded[i]);
        }
    }

    [Fact]
    public void Encode_OutputShorterThanInput_Throws()
    {
        Assert.Throws<ArgumentException>(() => G711.Encode(new short[160], new byte[159], AudioCodec.Pcmu));
    }
}
