using System.Security.Cryptography;
using System.Text;

namespace Telephony.Sip.Messages;

/// <summary>One part of a multipart body: its headers (Content-Type first of all) and its content, byte-exact.</summary>
public sealed record BodyPart(string ContentType, ReadOnlyMemory<byte> Content, IReadOnlyList<SipHeader> Headers)
{
    public BodyPart(string contentType, ReadOnlyMemory<byte> content)
        : this(contentType, content, [new SipHeader(SipHeaderNames.ContentType, contentType)])
    {
    }

    /// <summary>The media type without parameters, lower case ("application/sdp").</summary>
    public string MediaType => MultipartBody.MediaTypeOf(ContentType);
}

/// <summary>
/// Multipart bodies (RFC 2046 §5.1) as SIP carries them (RFC 5621: an INVITE with an SDP part
/// and another part). Parsing works on bytes, so binary parts (RFC 4475 §3.1.1.11) keep every
/// octet; it never throws and says what is wrong (a SIP peer answers 400 with it). Preamble,
/// epilogue and transport padding after a delimiter are ignored; a line that starts with the
/// delimiter but goes on with other characters is content, not a delimiter (RFC 2046 §5.1.1).
/// A part without headers is text/plain (RFC 2046 §5.1).
/// </summary>
public static class MultipartBody
{
    /// <summary>RFC 2046 §5.1.1: a boundary is 1 to 70 characters.</summary>
    public const int MaxBoundaryLength = 70;

    /// <summary>More parts than anything we accept carries (SDP and one or two others).</summary>
    public const int MaxParts = 16;

    private const string BoundaryCharacters = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ'()+_,-./:=? ";

    public static bool IsMultipart(string? contentType) => MediaTypeOf(contentType).StartsWith("multipart/", StringComparison.Ordinal);

    /// <summary>"application/sdp" for "Application/SDP; charset=x".</summary>
    public static string MediaTypeOf(string? contentType) =>
        contentType is null ? "" : contentType.Split(';', 2)[0].Trim().ToLowerInvariant();

    /// <summary>Splits a multipart body into its parts; false with the reason when it is not a well-formed one.</summary>
    public static bool TryParse(string? contentType, ReadOnlyMemory<byte> body, out IReadOnlyList<BodyPart> parts, out string? error)
    {
        parts = [];
        if (!IsMultipart(contentType))
        {
            error = "the body is not multipart";
            return false;
        }

        if (Boundary(contentType!) is not { } boundary)
        {
            error = "the multipart Content-Type has no valid boundary parameter";
            return false;
        }

        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        var span = body.Span;
        var position = FindDelimiter(span, delimiter, 0, atStart: true);
        if (position < 0)
        {
            error = "the multipart body has no opening boundary";
            return false;
        }

        var found = new List<BodyPart>();
        while (true)
        {
            var after = position + delimiter.Length;
            if (span[after..].StartsWith("--"u8))
            {
                break; // the close delimiter; what follows is the epilogue
            }

            var contentStart = SkipDelimiterLine(span, after);
            if (contentStart < 0)
            {
                error = "a multipart boundary line carries other characters";
                return false;
            }

            var next = FindDelimiter(span, delimiter, contentStart, atStart: false);
            if (next < 0)
            {
                error = "the multipart body has no closing boundary";
                return false;
            }

            // The CRLF before a delimiter belongs to the delimiter (RFC 2046 §5.1.1).
            var contentEnd = Math.Max(contentStart, next - 2);
            if (found.Count == MaxParts)
            {
                error = $"the multipart body has more than {MaxParts} parts";
                return false;
            }

            if (ParsePart(body[contentStart..contentEnd], out error) is not { } part)
            {
                return false;
            }

            found.Add(part);
            position = next;
        }

        if (found.Count == 0)
        {
            error = "the multipart body has no part";
            return false;
        }

        parts = found;
        error = null;
        return true;
    }

    /// <summary>The content of the first part of <paramref name="mediaType"/>; null when there is none.</summary>
    public static BodyPart? Find(IReadOnlyList<BodyPart> parts, string mediaType) =>
        parts.FirstOrDefault(p => string.Equals(p.MediaType, mediaType, StringComparison.OrdinalIgnoreCase));

    /// <summary>A random boundary (RFC 2046 §5.1.1 recommends one unlikely to occur in the parts).</summary>
    public static string NewBoundary() => "b" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));

    /// <summary>The Content-Type of a multipart/mixed body with <paramref name="boundary"/>.</summary>
    public static string MixedContentType(string boundary) => $"multipart/mixed;boundary={boundary}";

    /// <summary>Writes the parts with their headers, each delimiter on its own line, then the close delimiter.</summary>
    /// <exception cref="ArgumentException">The boundary is not valid or occurs in a part.</exception>
    public static byte[] Write(IReadOnlyList<BodyPart> parts, string boundary)
    {
        if (!IsValidBoundary(boundary))
        {
            throw new ArgumentException($"'{boundary}' is not a valid multipart boundary.", nameof(boundary));
        }

        var delimiter = Encoding.ASCII.GetBytes("--" + boundary);
        using var output = new MemoryStream();
        foreach (var part in parts)
        {
            if (part.Content.Span.IndexOf(delimiter) >= 0)
            {
                throw new ArgumentException($"The boundary '{boundary}' occurs in a part.", nameof(boundary));
            }

            output.Write(delimiter);
            output.Write("\r\n"u8);
            foreach (var header in part.Headers)
            {
                output.Write(Encoding.UTF8.GetBytes($"{header.Name}: {header.Value}\r\n"));
            }

            output.Write("\r\n"u8);
            output.Write(part.Content.Span);
            output.Write("\r\n"u8);
        }

        output.Write(delimiter);
        output.Write("--\r\n"u8);
        return output.ToArray();
    }

    private static string? Boundary(string contentType)
    {
        var semicolon = contentType.IndexOf(';', StringComparison.Ordinal);
        if (semicolon < 0 || !HeaderParameters.TryParse(contentType.AsSpan(semicolon + 1), out var parameters) || parameters["boundary"] is not { } value)
        {
            return null;
        }

        var boundary = value.StartsWith('"') ? QuotedString.Unquote(value) : value;
        return IsValidBoundary(boundary) ? boundary : null;
    }

    private static bool IsValidBoundary(string boundary) =>
        boundary.Length is > 0 and <= MaxBoundaryLength
        && !boundary.EndsWith(' ')
        && boundary.All(c => BoundaryCharacters.Contains(c, StringComparison.Ordinal));

    /// <summary>The index of the next delimiter that starts a line and is followed by "--", padding or CRLF; -1 if none.</summary>
    private static int FindDelimiter(ReadOnlySpan<byte> body, byte[] delimiter, int from, bool atStart)
    {
        if (atStart && from == 0 && IsDelimiterAt(body, delimiter, 0))
        {
            return 0;
        }

        var search = from;
        while (search < body.Length)
        {
            var index = body[search..].IndexOf("\r\n"u8);
            if (index < 0)
            {
                return -1;
            }

            var candidate = search + index + 2;
            if (IsDelimiterAt(body, delimiter, candidate))
            {
                return candidate;
            }

            search = candidate;
        }

        return -1;
    }

    private static bool IsDelimiterAt(ReadOnlySpan<byte> body, byte[] delimiter, int at)
    {
        if (!body[at..].StartsWith(delimiter))
        {
            return false;
        }

        var rest = body[(at + delimiter.Length)..];
        return rest.StartsWith("--"u8) || SkipDelimiterLine(rest, 0) >= 0;
    }

    /// <summary>After a delimiter: optional transport padding (spaces, tabs) then CRLF; the index after the CRLF, or -1.</summary>
    private static int SkipDelimiterLine(ReadOnlySpan<byte> body, int at)
    {
        while (at < body.Length && body[at] is (byte)' ' or (byte)'\t')
        {
            at++;
        }

        return body[at..].StartsWith("\r\n"u8) ? at + 2 : -1;
    }

    private static BodyPart? ParsePart(ReadOnlyMemory<byte> part, out string? error)
    {
        error = null;
        var span = part.Span;
        int headerEnd, contentStart;
        if (span.IsEmpty)
        {
            (headerEnd, contentStart) = (0, 0);
        }
        else if (span.StartsWith("\r\n"u8))
        {
            (headerEnd, contentStart) = (0, 2);
        }
        else
        {
            var blank = span.IndexOf("\r\n\r\n"u8);
            if (blank < 0)
            {
                error = "a multipart part has no empty line after its headers";
                return null;
            }

            (headerEnd, contentStart) = (blank, blank + 4);
        }

        var headers = new List<SipHeader>();
        foreach (var line in headerEnd == 0 ? Array.Empty<string>() : Encoding.UTF8.GetString(span[..headerEnd]).Split("\r\n"))
        {
            if (line.Length > 0 && line[0] is ' ' or '\t' && headers.Count > 0)
            {
                // A folded header line (RFC 3261 §7.3.1) continues the previous header.
                headers[^1] = headers[^1] with { Value = headers[^1].Value + " " + line.Trim() };
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || line[..colon].Trim().Length == 0 || line[..colon].Any(c => c <= ' ' && c != ' ' && c != '\t'))
            {
                error = "a multipart part has a malformed header line";
                return null;
            }

            headers.Add(new SipHeader(line[..colon].Trim(), line[(colon + 1)..].Trim()));
        }

        var contentType = headers
            .Where(h => h.Name.Equals(SipHeaderNames.ContentType, StringComparison.OrdinalIgnoreCase) || h.Name.Equals("c", StringComparison.OrdinalIgnoreCase))
            .Select(h => h.Value)
            .FirstOrDefault();
        return new BodyPart(contentType is { Length: > 0 } ? contentType : "text/plain", part[contentStart..], headers);
    }
}
