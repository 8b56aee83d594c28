using System.Collections.Frozen;

namespace Telephony.Sip.Messages;

/// <summary>Canonical header names and their compact forms (RFC 3261 §7.3.3, §20; RFC 3515, 3265, 3841, 4028, 4474).</summary>
public static class SipHeaderNames
{
    public const string Accept = "Accept";
    public const string Allow = "Allow";
    public const string Authorization = "Authorization";
    public const string CallId = "Call-ID";
    public const string Contact = "Contact";
    public const string ContentDisposition = "Content-Disposition";
    public const string ContentEncoding = "Content-Encoding";
    public const string ContentLength = "Content-Length";
    public const string ContentType = "Content-Type";
    public const string CSeq = "CSeq";
    public const string Date = "Date";
    public const string Event = "Event";
    public const string Expires = "Expires";
    public const string From = "From";
    public const string MaxForwards = "Max-Forwards";
    public const string MinExpires = "Min-Expires";
    public const string PAssertedIdentity = "P-Asserted-Identity";
    public const string ProxyAuthenticate = "Proxy-Authenticate";
    public const string ProxyAuthorization = "Proxy-Authorization";
    public const string ProxyRequire = "Proxy-Require";
    public const string RecordRoute = "Record-Route";
    public const string Require = "Require";
    public const string Route = "Route";
    public const string Server = "Server";
    public const string Subject = "Subject";
    public const string Supported = "Supported";
    public const string To = "To";
    public const string Unsupported = "Unsupported";
    public const string UserAgent = "User-Agent";
    public const string Via = "Via";
    public const string Warning = "Warning";
    public const string WwwAuthenticate = "WWW-Authenticate";

    private static readonly FrozenDictionary<string, string> Canonical = BuildCanonical();

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> CanonicalBySpan =
        Canonical.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Headers whose value is one item even when it contains commas, so a header line is never
    /// split into several values (RFC 3261 §7.3.1 exceptions: challenges, credentials, dates).
    /// </summary>
    private static readonly FrozenSet<string> SingleValued = new[]
    {
        Authorization, ProxyAuthorization, WwwAuthenticate, ProxyAuthenticate, Date, CallId, CSeq, From, To,
        ContentLength, ContentType, MaxForwards, Expires, MinExpires, Subject, Server, UserAgent, ContentDisposition,
        "Authentication-Info", "Retry-After", "Organization", "Priority", "Timestamp", "Event", "Subscription-State",
        "Refer-To", "Referred-By", "Replaces", "RAck", "RSeq", "Session-Expires", "Min-SE", "Identity", "Identity-Info",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical spelling of a header name, expanding compact forms ("v" → "Via").</summary>
    public static string Normalize(string name) => Canonical.TryGetValue(name, out var canonical) ? canonical : name;

    /// <summary>The canonical spelling of a header name read from the wire, without allocating for known names.</summary>
    public static string Normalize(ReadOnlySpan<char> name) =>
        CanonicalBySpan.TryGetValue(name, out var canonical) ? canonical : name.ToString();

    public static bool IsSingleValued(string canonicalName) => SingleValued.Contains(canonicalName);

    private static FrozenDictionary<string, string> BuildCanonical()
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["i"] = CallId, ["m"] = Contact, ["e"] = ContentEncoding, ["l"] = ContentLength, ["c"] = ContentType,
            ["f"] = From, ["s"] = Subject, ["k"] = Supported, ["t"] = To, ["v"] = Via, ["o"] = Event,
            ["r"] = "Refer-To", ["b"] = "Referred-By", ["u"] = "Allow-Events", ["x"] = "Session-Expires",
            ["y"] = "Identity", ["n"] = "Identity-Info", ["a"] = "Accept-Contact", ["j"] = "Reject-Contact",
            ["d"] = "Request-Disposition",
        };
        foreach (var name in new[]
        {
            Accept, Allow, Authorization, CallId, Contact, ContentDisposition, ContentEncoding, ContentLength, ContentType,
            CSeq, Date, Event, Expires, From, MaxForwards, MinExpires, PAssertedIdentity, ProxyAuthenticate,
            ProxyAuthorization, ProxyRequire, RecordRoute, Require, Route, Server, Subject, Supported, To, Unsupported,
            UserAgent, Via, Warning, WwwAuthenticate, "Allow-Events", "Refer-To", "Referred-By", "Session-Expires",
            "Authentication-Info", "Retry-After", "Subscription-State", "Alert-Info", "Call-Info", "Accept-Encoding",
            "Accept-Language", "In-Reply-To", "MIME-Version", "Organization", "Priority", "Reply-To", "Timestamp",
            "Error-Info", "Replaces", "RAck", "RSeq", "Min-SE", "Path", "Service-Route", "P-Preferred-Identity",
            "Privacy", "Identity", "Identity-Info",
        })
        {
            map[name] = name;
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}
