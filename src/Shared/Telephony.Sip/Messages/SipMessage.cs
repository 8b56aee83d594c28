using System.Globalization;
using System.Text;

namespace Telephony.Sip.Messages;

/// <summary>
/// A SIP request or response (RFC 3261 §7): start line, headers, body. The headers every layer
/// reads (Call-ID, CSeq, From, To, Via) are parsed once per version of the headers, not at each
/// read: a message crosses the transport, the transaction and the call layers several times.
/// </summary>
public abstract class SipMessage
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private const int CallIdView = 1, CSeqView = 2, FromView = 4, ToView = 8, ViasView = 16, TopViaView = 32;
    private int _viewsVersion = -1;
    private int _computedViews;
    private string? _callId;
    private CSeqHeader? _cseq;
    private NameAddress? _from;
    private NameAddress? _to;
    private IReadOnlyList<string>? _vias;
    private ViaHeader? _topVia;

    public SipHeaders Headers { get; } = new();

    public ReadOnlyMemory<byte> Body { get; set; } = ReadOnlyMemory<byte>.Empty;

    public string? CallId => View(CallIdView, ref _callId, static m => m.Headers[SipHeaderNames.CallId]?.Trim());

    public CSeqHeader? CSeq => View(CSeqView, ref _cseq, static m => CSeqHeader.TryParse(m.Headers[SipHeaderNames.CSeq], out var cseq) ? cseq : null);

    public NameAddress? From => View(FromView, ref _from, static m => NameAddress.TryParse(m.Headers[SipHeaderNames.From], out var from) ? from : null);

    public NameAddress? To => View(ToView, ref _to, static m => NameAddress.TryParse(m.Headers[SipHeaderNames.To], out var to) ? to : null);

    /// <summary>The topmost Via, which identifies the transaction (RFC 3261 §17.1.3, §17.2.3).</summary>
    public ViaHeader? TopVia => View(TopViaView, ref _topVia, static m => m.Vias is { Count: > 0 } vias && ViaHeader.TryParse(vias[0], out var via) ? via : null);

    public IReadOnlyList<string> Vias => View(ViasView, ref _vias, static m => m.Headers.Values(SipHeaderNames.Via))!;

    public string? ContentType => Headers[SipHeaderNames.ContentType];

    public int? Expires => int.TryParse(Headers[SipHeaderNames.Expires], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) ? expires : null;

    /// <summary>The start line without its CRLF.</summary>
    public abstract string StartLine { get; }

    /// <summary>
    /// The message on the wire: start line, headers in order under their canonical names,
    /// a Content-Length computed from the body (replacing any received one), CRLF, body.
    /// </summary>
    public byte[] ToBytes()
    {
        Span<char> digits = stackalloc char[11];
        Body.Length.TryFormat(digits, out var digitCount, provider: CultureInfo.InvariantCulture);
        var contentLength = digits[..digitCount];

        // Measured first, then encoded once into an array of the exact size.
        var startLine = StartLine;
        var length = Utf8.GetByteCount(startLine) + 2;
        foreach (var header in Headers)
        {
            if (!IsContentLength(header))
            {
                length += Utf8.GetByteCount(header.Name) + 2 + Utf8.GetByteCount(header.Value) + 2;
            }
        }

        length += SipHeaderNames.ContentLength.Length + 2 + contentLength.Length + 4 + Body.Length;
        var bytes = new byte[length];
        var written = Utf8.GetBytes(startLine, bytes);
        written += Append(bytes, written, "\r\n"u8);
        foreach (var header in Headers)
        {
            if (!IsContentLength(header))
            {
                written += Utf8.GetBytes(header.Name, bytes.AsSpan(written));
                written += Append(bytes, written, ": "u8);
                written += Utf8.GetBytes(header.Value, bytes.AsSpan(written));
                written += Append(bytes, written, "\r\n"u8);
            }
        }

        written += Utf8.GetBytes(SipHeaderNames.ContentLength, bytes.AsSpan(written));
        written += Append(bytes, written, ": "u8);
        written += Utf8.GetBytes(contentLength, bytes.AsSpan(written));
        written += Append(bytes, written, "\r\n\r\n"u8);
        Body.Span.CopyTo(bytes.AsSpan(written));
        return bytes;

        static bool IsContentLength(SipHeader header) =>
            string.Equals(header.Name, SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase);

        static int Append(byte[] bytes, int offset, ReadOnlySpan<byte> literal)
        {
            literal.CopyTo(bytes.AsSpan(offset));
            return literal.Length;
        }
    }

    public override string ToString() => Utf8.GetString(ToBytes());

    private T View<T>(int view, ref T field, Func<SipMessage, T> parse)
    {
        var version = Headers.Version;
        if (_viewsVersion != version)
        {
            _computedViews = 0;
            _viewsVersion = version;
        }

        if ((_computedViews & view) == 0)
        {
            field = parse(this);
            _computedViews |= view;
        }

        return field;
    }
}
