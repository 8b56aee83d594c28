using System.Globalization;
using System.Text;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

/// <summary>
/// Parses SIP messages from bytes (RFC 3261 §7, §18.3, §25). Three outcomes are never
/// confused: more bytes needed, a complete message, or an invalid one with the status code to
/// answer. It never throws on any input and never reads beyond the limits.
/// </summary>
public static class SipParser
{
    private static readonly byte[] HeaderTerminator = "\r\n\r\n"u8.ToArray();
    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    public static SipParseResult Parse(ReadOnlySpan<byte> buffer, SipFraming framing, SipParserLimits? limits = null)
    {
        limits ??= SipParserLimits.Default;

        // RFC 3261 §7.5: CRLFs before the start line are ignored; over streams they are also
        // the RFC 5626 keep-alive ping. A datagram of only whitespace or NULs is a NAT keep-alive.
        var leading = CountLeadingLineBreaks(buffer);
        if (framing == SipFraming.Datagram && IsBlank(buffer))
        {
            return SipParseResult.KeepAlive(buffer.Length);
        }

        if (framing == SipFraming.Stream)
        {
            if (leading > 0)
            {
                return SipParseResult.KeepAlive(leading);
            }

            if (buffer.Length == 1 && buffer[0] == '\r')
            {
                return SipParseResult.Incomplete;
            }
        }

        var message = buffer[leading..];
        var headerEnd = message.IndexOf(HeaderTerminator);
        int headerLength;
        if (headerEnd < 0)
        {
            if (framing == SipFraming.Stream)
            {
                return message.Length > limits.MaxHeaderBytes
                    ? Reject(513, "Message Too Large: header section", buffer.Length)
                    : SipParseResult.Incomplete;
            }

            // A datagram whose headers end without the blank line: tolerate it as bodiless.
            if (!message.EndsWith("\r\n"u8))
            {
                return Reject(400, "Bad Request: header section not terminated", buffer.Length);
            }

            headerEnd = message.Length - 2;
            headerLength = message.Length;
        }
        else
        {
            headerLength = headerEnd + HeaderTerminator.Length;
        }

        if (headerLength > limits.MaxHeaderBytes)
        {
            return Reject(513, "Message Too Large: header section", buffer.Length);
        }

        // Header lines are read from the bytes: a value becomes one string, a known name none.
        var section = message[..headerEnd];
        if (CountHeaderLines(section) > limits.MaxHeaderCount)
        {
            return Reject(513, "Message Too Large: too many headers", buffer.Length);
        }

        var startLineEnd = section.IndexOf("\r\n"u8);
        var startLine = ParseStartLine(Utf8.GetString(startLineEnd < 0 ? section : section[..startLineEnd]));
        if (startLine.Message is null)
        {
            return Reject(startLine.Status, startLine.Fault!, buffer.Length);
        }

        var parsed = startLine.Message;
        string? fault = startLine.Fault;
        var faultStatus = startLine.Status;
        var rest = startLineEnd < 0 ? ReadOnlySpan<byte>.Empty : section[(startLineEnd + 2)..];
        var more = startLineEnd >= 0;
        while (more)
        {
            var line = NextLine(ref rest, ref more);
            string? folded = null;
            while (more && rest.Length > 0 && rest[0] is (byte)' ' or (byte)'\t')
            {
                // RFC 3261 §7.3.1 folding: a continuation line joins the header line before it.
                var continuation = NextLine(ref rest, ref more);
                folded = (folded ?? Utf8.GetString(line)).TrimEnd(' ', '\t') + " " + Utf8.GetString(continuation).TrimStart(' ', '\t');
            }

            if (!AddHeader(parsed, line, folded) && fault is null)
            {
                (fault, faultStatus) = ("Bad Request: malformed header line", 400);
            }
        }

        // Framing by Content-Length.
        var contentLengths = parsed.Headers.Values(SipHeaderNames.ContentLength);
        int? contentLength = null;
        if (contentLengths.Count > 0)
        {
            if (!AllEqual(contentLengths) ||
                !int.TryParse(contentLengths[0], NumberStyles.None, CultureInfo.InvariantCulture, out var declared))
            {
                return Reject(400, "Bad Request: invalid Content-Length", Consumed(framing, buffer.Length, leading + headerLength), AsRespondable(parsed));
            }

            contentLength = declared;
        }

        if (contentLength > limits.MaxBodyBytes)
        {
            return Reject(513, "Message Too Large: body", buffer.Length, AsRespondable(parsed));
        }

        var available = message.Length - headerLength;
        int bodyLength;
        int consumed;
        if (framing == SipFraming.Stream)
        {
            if (contentLength is null)
            {
                return Reject(400, "Bad Request: Content-Length is required over a stream transport", buffer.Length, AsRespondable(parsed));
            }

            if (available < contentLength)
            {
                return SipParseResult.Incomplete;
            }

            bodyLength = contentLength.Value;
            consumed = leading + headerLength + bodyLength;
        }
        else
        {
            if (contentLength > available)
            {
                return Reject(400, "Bad Request: Content-Length larger than the body", buffer.Length, AsRespondable(parsed));
            }

            // §18.3: in a datagram, bytes beyond Content-Length are discarded.
            bodyLength = contentLength ?? available;
            consumed = buffer.Length;
        }

        parsed.Body = message.Slice(headerLength, bodyLength).ToArray();

        if (fault is not null)
        {
            return Reject(faultStatus, fault, consumed, AsRespondable(parsed));
        }

        var semantic = Validate(parsed);
        return semantic is null
            ? SipParseResult.Complete(parsed, consumed)
            : Reject(semantic.Value.Status, semantic.Value.Reason, consumed, AsRespondable(parsed));
    }

    /// <summary>The headers every message needs (RFC 3261 §8.1.1) and their consistency.</summary>
    private static (int Status, string Reason)? Validate(SipMessage message)
    {
        var vias = message.Headers.Values(SipHeaderNames.Via);
        if (vias.Count == 0 || !vias.All(v => ViaHeader.TryParse(v, out _)))
        {
            return (400, "Bad Request: missing or malformed Via");
        }

        if (string.IsNullOrWhiteSpace(message.CallId) || message.Headers.Values(SipHeaderNames.CallId).Count > 1)
        {
            return (400, "Bad Request: missing or repeated Call-ID");
        }

        if (message.Headers.Values(SipHeaderNames.CSeq).Count != 1 || message.CSeq is not { } cseq)
        {
            return (400, "Bad Request: missing or malformed CSeq");
        }

        if (message.Headers.Values(SipHeaderNames.From).Count != 1 || message.From is null)
        {
            return (400, "Bad Request: missing or malformed From");
        }

        if (message.Headers.Values(SipHeaderNames.To).Count != 1 || message.To is null)
        {
            return (400, "Bad Request: missing or malformed To");
        }

        if (message is SipRequest request)
        {
            // An unknown method is answered 501 above (RFC 4475 §3.1.2.16 prefers it to 400).
            if (SipMethod.IsKnown(request.Method) && !string.Equals(cseq.Method, request.Method, StringComparison.Ordinal))
            {
                return (400, "Bad Request: CSeq method does not match the request method");
            }

            if (request.Headers[SipHeaderNames.MaxForwards] is not null && request.MaxForwards is null)
            {
                return (400, "Bad Request: malformed Max-Forwards");
            }
        }

        return null;
    }

    private static (SipMessage? Message, int Status, string? Fault) ParseStartLine(string line)
    {
        if (line.StartsWith("SIP/", StringComparison.OrdinalIgnoreCase))
        {
            // Status-Line = SIP-Version SP Status-Code SP Reason-Phrase
            var parts = line.Split(' ', 3);
            if (parts.Length < 2 || parts[1].Length != 3 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var code) || code is < 100 or > 699)
            {
                return (null, 400, "Bad Request: malformed status line");
            }

            if (!string.Equals(parts[0], "SIP/2.0", StringComparison.OrdinalIgnoreCase))
            {
                return (null, 505, "Version Not Supported");
            }

            return (new SipResponse(code, parts.Length == 3 ? parts[2] : ""), 0, null);
        }

        // Request-Line = Method SP Request-URI SP SIP-Version: exactly single spaces.
        var pieces = line.Split(' ');
        if (pieces.Length != 3 || !SipSyntax.IsToken(pieces[0]))
        {
            return (null, 400, "Bad Request: malformed request line");
        }

        if (!SipUri.TryParse(pieces[1], out var uri, out var uriError))
        {
            if (uriError == SipUriParseError.UnsupportedScheme)
            {
                // Parse the headers anyway, so the 416 can be answered.
                return (new SipRequest(pieces[0], SipUri.Create(null, "invalid")), 416, "Unsupported URI Scheme");
            }

            return (null, 400, "Bad Request: malformed Request-URI");
        }

        if (uri!.Headers is not null)
        {
            // RFC 3261 §19.1.1 Table 1: headers are not allowed in a Request-URI (RFC 4475 §3.1.2.10).
            return (null, 400, "Bad Request: headers in the Request-URI");
        }

        var request = new SipRequest(pieces[0], uri);
        if (!string.Equals(pieces[2], "SIP/2.0", StringComparison.OrdinalIgnoreCase))
        {
            return (request, 505, "Version Not Supported");
        }

        return (request, 0, null);
    }

    /// <summary>The header lines of a section (its lines after the start line, continuations not counted).</summary>
    private static int CountHeaderLines(ReadOnlySpan<byte> section)
    {
        var count = 0;
        var index = section.IndexOf("\r\n"u8);
        while (index >= 0)
        {
            section = section[(index + 2)..];
            if (section.IsEmpty || section[0] is not ((byte)' ' or (byte)'\t'))
            {
                count++;
            }

            index = section.IndexOf("\r\n"u8);
        }

        return count;
    }

    private static ReadOnlySpan<byte> NextLine(ref ReadOnlySpan<byte> rest, ref bool more)
    {
        var end = rest.IndexOf("\r\n"u8);
        if (end < 0)
        {
            var last = rest;
            rest = default;
            more = false;
            return last;
        }

        var line = rest[..end];
        rest = rest[(end + 2)..];
        return line;
    }

    /// <summary>Adds "name: value" to the message; false when the line is not a header.</summary>
    private static bool AddHeader(SipMessage message, ReadOnlySpan<byte> line, string? folded)
    {
        if (folded is not null)
        {
            var colonInFolded = folded.IndexOf(':', StringComparison.Ordinal);
            return colonInFolded > 0 && AddHeader(message, folded.AsSpan(0, colonInFolded), folded.AsSpan(colonInFolded + 1).Trim(" \t").ToString());
        }

        var colon = line.IndexOf((byte)':');
        if (colon <= 0)
        {
            return false;
        }

        // A token is ASCII, so one byte is one char; anything else fails the token check.
        var nameBytes = line[..colon];
        var name = nameBytes.Length <= 128 ? stackalloc char[nameBytes.Length] : new char[nameBytes.Length];
        for (var i = 0; i < nameBytes.Length; i++)
        {
            name[i] = (char)nameBytes[i];
        }

        return AddHeader(message, name, Utf8.GetString(line[(colon + 1)..].Trim(" \t"u8)));
    }

    private static bool AddHeader(SipMessage message, ReadOnlySpan<char> name, string value)
    {
        name = name.TrimEnd(" \t");
        if (!SipSyntax.IsToken(name))
        {
            return false;
        }

        message.Headers.AddCanonical(SipHeaderNames.Normalize(name), value);
        return true;
    }

    private static bool AllEqual(IReadOnlyList<string> values)
    {
        for (var i = 1; i < values.Count; i++)
        {
            if (!string.Equals(values[i], values[0], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The request as far as understood, if a response to it can be routed (Via and Call-ID readable).</summary>
    private static SipRequest? AsRespondable(SipMessage message) =>
        message is SipRequest request && request.TopVia is not null && !string.IsNullOrWhiteSpace(request.CallId) ? request : null;

    private static int Consumed(SipFraming framing, int bufferLength, int consumedInStream) =>
        framing == SipFraming.Datagram ? bufferLength : consumedInStream;

    private static SipParseResult Reject(int status, string reason, int consumed, SipRequest? request = null) =>
        SipParseResult.Invalid(new SipRejection(status, reason, request), consumed);

    private static int CountLeadingLineBreaks(ReadOnlySpan<byte> buffer)
    {
        var i = 0;
        while (i + 1 < buffer.Length && buffer[i] == '\r' && buffer[i + 1] == '\n')
        {
            i += 2;
        }

        return i;
    }

    private static bool IsBlank(ReadOnlySpan<byte> buffer)
    {
        foreach (var b in buffer)
        {
            if (b is not ((byte)'\r' or (byte)'\n' or (byte)' ' or (byte)'\t' or 0))
            {
                return false;
            }
        }

        return true;
    }
}
