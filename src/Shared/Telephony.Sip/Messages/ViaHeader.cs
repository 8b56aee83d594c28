using System.Globalization;
using System.Text;

namespace Telephony.Sip.Messages;

/// <summary>
/// One Via value (RFC 3261 §20.42, §18.2.1; RFC 3581): "SIP/2.0/UDP host:port;branch=z9hG4bK…",
/// with <c>received</c> and <c>rport</c> set by the server that got the request.
/// </summary>
public sealed class ViaHeader
{
    /// <summary>The magic cookie that marks an RFC 3261 branch (§8.1.1.7).</summary>
    public const string BranchCookie = "z9hG4bK";

    public ViaHeader(string transport, string host, int? port, HeaderParameters? parameters = null)
    {
        Transport = transport.ToUpperInvariant();
        Host = host;
        Port = port;
        Parameters = parameters ?? new HeaderParameters();
    }

    /// <summary>UDP, TCP, TLS, SCTP, WS, WSS.</summary>
    public string Transport { get; }

    public string Host { get; }

    public int? Port { get; }

    public HeaderParameters Parameters { get; }

    public string? Branch => Parameters["branch"];

    public string? Received => Parameters["received"];

    /// <summary>True when the client asked for symmetric response routing (";rport" present).</summary>
    public bool HasRport => Parameters.Contains("rport");

    public int? Rport => int.TryParse(Parameters["rport"], NumberStyles.None, CultureInfo.InvariantCulture, out var port) ? port : null;

    public static bool TryParse(string? value, out ViaHeader? via)
    {
        via = null;
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        // sent-protocol = protocol-name SLASH protocol-version SLASH transport, SLASH = SWS "/" SWS.
        var text = value.AsSpan().Trim();
        Span<Range> parts = stackalloc Range[4];
        if (text.Split(parts, '/') < 3)
        {
            return false;
        }

        var name = text[parts[0]].Trim();
        var version = text[parts[1]].Trim();
        var afterVersion = text[parts[2].Start..];
        afterVersion = afterVersion.TrimStart();
        var transportEnd = 0;
        while (transportEnd < afterVersion.Length && SipSyntax.IsTokenChar(afterVersion[transportEnd]))
        {
            transportEnd++;
        }

        var transport = afterVersion[..transportEnd];
        if (!name.Equals("SIP", StringComparison.OrdinalIgnoreCase) || !version.Equals("2.0", StringComparison.Ordinal) || transport.IsEmpty)
        {
            return false;
        }

        var sentBy = afterVersion[transportEnd..].TrimStart();
        if (sentBy.IsEmpty || sentBy.Length == afterVersion.Length - transportEnd)
        {
            return false; // LWS is required between the protocol and sent-by
        }

        // COLON = SWS ":" SWS inside sent-by.
        var compact = RemoveSpaceAroundColon(sentBy);
        if (!SipUri.TryParseHostPort(compact, out var host, out var port, out var consumed))
        {
            return false;
        }

        var rest = compact.AsSpan(consumed).Trim();
        var parameters = new HeaderParameters();
        if (!rest.IsEmpty && (rest[0] != ';' || !HeaderParameters.TryParse(rest[1..], out parameters)))
        {
            return false;
        }

        // via-branch, via-received, via-maddr and via-ttl carry a value; only rport may be bare.
        foreach (var valued in (ReadOnlySpan<string>)["branch", "received", "maddr", "ttl"])
        {
            if (parameters.Contains(valued) && string.IsNullOrEmpty(parameters[valued]))
            {
                return false;
            }
        }

        via = new ViaHeader(transport.ToString(), host, port, parameters);
        return true;
    }

    public override string ToString()
    {
        var builder = new StringBuilder("SIP/2.0/").Append(Transport).Append(' ').Append(Host);
        if (Port is { } port)
        {
            builder.Append(':').Append(port.ToString(CultureInfo.InvariantCulture));
        }

        return builder.Append(Parameters.ToString()).ToString();
    }

    private static string RemoveSpaceAroundColon(ReadOnlySpan<char> sentBy)
    {
        var semicolon = sentBy.IndexOf(';');
        var hostPart = semicolon >= 0 ? sentBy[..semicolon] : sentBy;
        var colon = hostPart.LastIndexOf(':');
        if (colon < 0 || hostPart.StartsWith("[") && hostPart.LastIndexOf(']') > colon)
        {
            return sentBy.ToString();
        }

        return string.Concat(hostPart[..colon].TrimEnd(), ":", hostPart[(colon + 1)..].TrimStart(), semicolon >= 0 ? sentBy[semicolon..] : default);
    }
}
