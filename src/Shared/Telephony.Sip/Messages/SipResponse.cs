using System.Globalization;

namespace Telephony.Sip.Messages;

/// <summary>A SIP response: SIP/2.0 SP Status-Code SP Reason-Phrase (RFC 3261 §7.2).</summary>
public sealed class SipResponse(int statusCode, string reasonPhrase) : SipMessage
{
    public int StatusCode { get; } = statusCode;

    public string ReasonPhrase { get; } = reasonPhrase;

    /// <summary>1 for provisional, 2 for success, … 6 for global failure.</summary>
    public int StatusClass => StatusCode / 100;

    public bool IsProvisional => StatusCode < 200;

    public override string StartLine => string.Create(CultureInfo.InvariantCulture, $"SIP/2.0 {StatusCode} {ReasonPhrase}");

    /// <summary>
    /// A response to <paramref name="request"/> with the headers RFC 3261 §8.2.6.2 copies: Via
    /// (all, in order), From, To (a tag is added by the caller when needed), Call-ID, CSeq.
    /// </summary>
    public static SipResponse For(SipRequest request, int statusCode, string? reasonPhrase = null)
    {
        var response = new SipResponse(statusCode, reasonPhrase ?? ReasonPhrases.For(statusCode));
        foreach (var header in request.Headers)
        {
            if (header.Name is SipHeaderNames.Via or SipHeaderNames.From or SipHeaderNames.To or SipHeaderNames.CallId or SipHeaderNames.CSeq)
            {
                response.Headers.Add(header.Name, header.Value);
            }
        }

        return response;
    }
}
