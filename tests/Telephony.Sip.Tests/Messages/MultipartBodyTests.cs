using System.Text;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Tests.Messages;

public sealed class MultipartBodyTests
{
    private const string Sdp = "v=0\r\no=- 1 1 IN IP4 192.0.2.1\r\ns=-\r\nc=IN IP4 192.0.2.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
    private const string Json = "{\"announcement\":\"prompt:fr/welcome\"}";

    private static readonly string TwoParts =
        "--unique-boundary-1\r\n" +
        "Content-Type: application/sdp\r\n" +
        "\r\n" +
        Sdp +
        "\r\n--unique-boundary-1\r\n" +
        "Content-Type: application/vnd.telephony.ivr+json\r\n" +
        "Content-Disposition: render;handling=required\r\n" +
        "\r\n" +
        Json +
        "\r\n--unique-boundary-1--\r\n";

    [Fact]
    public void TryParse_TwoParts_GivesEachWithItsTypeAndExactContent()
    {
        Assert.True(MultipartBody.TryParse("multipart/mixed;boundary=unique-boundary-1", Bytes(TwoParts), out var parts, out var error), error);

        Assert.Equal(["application/sdp", "application/vnd.telephony.ivr+json"], parts.Select(p => p.MediaType));
        Assert.Equal(Sdp, Text(parts[0].Content));
        Assert.Equal(Json, Text(parts[1].Content));
        Assert.Contains(parts[1].Headers, h => h.Name == "Content-Disposition" && h.Value == "render;handling=required");
        Assert.Equal(Json, Text(MultipartBody.Find(parts, "APPLICATION/vnd.telephony.ivr+json")!.Content));
    }

    [Fact]
    public void TryParse_QuotedBoundaryPreambleEpilogueAndPadding_AreUnderstood()
    {
        var body = "This is the preamble.\r\n--simple boundary  \t\r\nContent-Type: text/plain\r\n\r\nhello\r\n--simple boundary--\r\nThis is the epilogue.\r\n";

        Assert.True(MultipartBody.TryParse("Multipart/Mixed; boundary=\"simple boundary\"", Bytes(body), out var parts, out var error), error);

        Assert.Equal("hello", Text(Assert.Single(parts).Content));
    }

    [Fact]
    public void TryParse_ALineThatOnlyStartsWithTheDelimiter_IsContent()
    {
        var body = "--b\r\nContent-Type: text/plain\r\n\r\nline\r\n--bx not a boundary\r\n--b--";

        Assert.True(MultipartBody.TryParse("multipart/mixed;boundary=b", Bytes(body), out var parts, out var error), error);

        Assert.Equal("line\r\n--bx not a boundary", Text(Assert.Single(parts).Content));
    }

    [Fact]
    public void TryParse_APartWithoutHeaders_IsTextPlain()
    {
        Assert.True(MultipartBody.TryParse("multipart/mixed;boundary=b", Bytes("--b\r\n\r\nno headers\r\n--b--"), out var parts, out var error), error);

        Assert.Equal(("text/plain", "no headers"), (parts[0].MediaType, Text(parts[0].Content)));
    }

    [Fact]
    public void TryParse_TheRfc4475BinaryMultipart_KeepsEveryOctetOfTheBinaryPart()
    {
        var message = (SipRequest)SipParser.Parse(File.ReadAllBytes(Path.Combine(ConformanceCorpus.Folder, "mpart01.dat")), SipFraming.Datagram).Message!;

        Assert.True(MultipartBody.TryParse(message.ContentType, message.Body, out var parts, out var error), error);

        Assert.Equal(["text/plain", "application/octet-stream"], parts.Select(p => p.MediaType));
        Assert.Equal("Hello", Text(parts[0].Content));
        var binary = parts[1].Content.ToArray();
        Assert.Equal(0x30, binary[0]); // a DER SEQUENCE
        Assert.Contains((byte)0, binary);
        // The part runs up to the CRLF before the close delimiter, byte for byte.
        var body = message.Body.ToArray();
        var closing = Encoding.ASCII.GetBytes("\r\n--7a9cbec02ceef655--");
        var end = body.AsSpan().IndexOf(closing);
        Assert.Equal(body[(end - binary.Length)..end], binary);
    }

    [Theory]
    [InlineData("application/sdp", "the body is not multipart")]
    [InlineData("multipart/mixed", "no valid boundary")]
    [InlineData("multipart/mixed;boundary=", "no valid boundary")]
    [InlineData("multipart/mixed;boundary=\"ends with space \"", "no valid boundary")]
    [InlineData("multipart/mixed;boundary=01234567890123456789012345678901234567890123456789012345678901234567890", "no valid boundary")]
    [InlineData("multipart/mixed;boundary=other", "no opening boundary")]
    public void TryParse_ABadContentTypeOrBoundary_SaysWhy(string contentType, string reason)
    {
        Assert.False(MultipartBody.TryParse(contentType, Bytes(TwoParts), out _, out var error));

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--b\r\nContent-Type: text/plain\r\n\r\nnever closed\r\n", "no closing boundary")]
    [InlineData("--b\r\nContent-Type text/plain\r\n\r\nx\r\n--b--", "malformed header line")]
    [InlineData("--b\r\nContent-Type: text/plain\r\nx\r\n--b--", "no empty line")]
    [InlineData("--b junk\r\n\r\nx\r\n--b--", "no part")] // "--b junk" is preamble, not a delimiter
    [InlineData("--b--\r\n", "no part")]
    [InlineData("", "no opening boundary")]
    public void TryParse_AMalformedBody_SaysWhy(string body, string reason)
    {
        Assert.False(MultipartBody.TryParse("multipart/mixed;boundary=b", Bytes(body), out _, out var error));

        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_MoreThanTheMaximumParts_IsRefused()
    {
        var body = string.Concat(Enumerable.Repeat("--b\r\n\r\nx\r\n", MultipartBody.MaxParts + 1)) + "--b--";

        Assert.False(MultipartBody.TryParse("multipart/mixed;boundary=b", Bytes(body), out _, out var error));
        Assert.Contains("more than", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_EveryPrefixOfABody_FailsUntilTheCloseDelimiterArrives()
    {
        var bytes = Encoding.ASCII.GetBytes(TwoParts);
        var closeEnd = TwoParts.IndexOf("--unique-boundary-1--", StringComparison.Ordinal) + "--unique-boundary-1--".Length;
        for (var length = 0; length <= bytes.Length; length++)
        {
            var parsed = MultipartBody.TryParse("multipart/mixed;boundary=unique-boundary-1", bytes.AsMemory(0, length), out var parts, out _);

            Assert.Equal(length >= closeEnd, parsed);
            if (parsed)
            {
                Assert.Equal(2, parts.Count);
            }
        }
    }

    [Fact]
    public void TryParse_SeededMutations_NeverThrow()
    {
        var random = new Random(5621);
        var original = Encoding.ASCII.GetBytes(TwoParts);
        for (var i = 0; i < 5000; i++)
        {
            var mutated = (byte[])original.Clone();
            for (var n = random.Next(1, 6); n > 0; n--)
            {
                mutated[random.Next(mutated.Length)] = (byte)"\r\n-: xb"[random.Next(7)];
            }

            var length = random.Next(mutated.Length + 1);
            var parsed = MultipartBody.TryParse("multipart/mixed;boundary=unique-boundary-1", mutated.AsMemory(0, length), out var parts, out var error);

            Assert.True(parsed ? parts.Count > 0 && error is null : parts.Count == 0 && error is { Length: > 0 });
        }
    }

    [Fact]
    public void Write_ThenTryParse_GivesBackTheParts()
    {
        var boundary = MultipartBody.NewBoundary();
        BodyPart[] parts = [new("application/sdp", Bytes(Sdp)), new("application/vnd.telephony.ivr+json", Bytes(Json))];

        var body = MultipartBody.Write(parts, boundary);

        Assert.True(MultipartBody.TryParse(MultipartBody.MixedContentType(boundary), body, out var read, out var error), error);
        Assert.Equal(parts.Select(p => (p.MediaType, Text(p.Content))), read.Select(p => (p.MediaType, Text(p.Content))));
    }

    [Fact]
    public void Write_ABoundaryFoundInAPart_Throws()
    {
        Assert.Throws<ArgumentException>(() => MultipartBody.Write([new BodyPart("text/plain", Bytes("a\r\n--b\r\n"))], "b"));
    }

    private static ReadOnlyMemory<byte> Bytes(string text) => Encoding.UTF8.GetBytes(text);

    private static string Text(ReadOnlyMemory<byte> bytes) => Encoding.UTF8.GetString(bytes.Span);
}
