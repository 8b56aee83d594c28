using System.Globalization;

namespace Telephony.Sip.Messages;

/// <summary>A SIP request: Method SP Request-URI SP SIP/2.0 (RFC 3261 §7.1).</summary>
public sealed class SipRequest(string method, SipUri requestUri) : SipMessage
{
    public string Method { get; } = method;

    public SipUri RequestUri { get; set; } = requestUri;

    public int? MaxForwards => int.TryParse(Headers[SipHeaderNames.MaxForwards], NumberStyles.None, CultureInfo.InvariantCulture, out var hops) && hops <= 255 ? hops : null;

    public override string StartLine => $"{Method} {RequestUri} SIP/2.0";
}
