using System.Globalization;
using System.Text;

namespace Telephony.Sip.Messages;

/// <summary>A SIP request or response (RFC 3261 §7): start line, headers, body.</summary>
public abstract class SipMessage
{
    public SipHeaders Headers { get; } = new();

    public ReadOnlyMemory<byte> Body { get; set; } = ReadOnlyMemory<byte>.Empty;

    public string? CallId => Headers[SipHeaderNames.CallId]?.Trim();

    public CSeqHeader? CSeq => CSeqHeader.TryParse(Headers[SipHeaderNames.CSeq], out var cseq) ? cseq : null;

    public NameAddress? From => NameAddress.TryParse(Headers[SipHeaderNames.From], out var from) ? from : null;

    public NameAddress? To => NameAddress.TryParse(Headers[SipHeaderNames.To], out var to) ? to : null;

    /// <summary>The topmost Via, which identifies the transaction (RFC 3261 §17.1.3, §17.2.3).</summary>
    public ViaHeader? TopVia => Headers.Values(SipHeaderNames.Via) is { Count: > 0 } vias && ViaHeader.TryParse(vias[0], out var via) ? via : null;

    public IReadOnlyList<string> Vias => Headers.Values(SipHeaderNames.Via);

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
        var head = new StringBuilder(256).Append(StartLine).Append("\r\n");
        foreach (var header in Headers)
        {
            if (!string.Equals(header.Name, SipHeaderNames.ContentLength, StringComparison.OrdinalIgnoreCase))
            {
                head.Append(header.Name).Append(": ").Append(header.Value).Append("\r\n");
            }
        }

        head.Append(SipHeaderNames.ContentLength).Append(": ").Append(Body.Length.ToString(CultureInfo.InvariantCulture)).Append("\r\n\r\n");
        var headBytes = Encoding.UTF8.GetBytes(head.ToString());
        var bytes = new byte[headBytes.Length + Body.Length];
        headBytes.CopyTo(bytes, 0);
        Body.Span.CopyTo(bytes.AsSpan(headBytes.Length));
        return bytes;
    }

    public override string ToString() => Encoding.UTF8.GetString(ToBytes());
}
