using System.Diagnostics.CodeAnalysis;
using System.Net;
using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.CallControl.Registrar;

/// <summary>
/// One contact bound to a line (RFC 3261 §10): where the line's device can be reached, until
/// when, and the network address the REGISTER came from (for NAT: requests go there).
/// </summary>
public sealed class Registration
{
    public Guid Id { get; set; }

    public Guid TenantId { get; set; }

    public Guid LineId { get; set; }

    /// <summary>The Contact URI as registered, normalised.</summary>
    public string ContactUri { get; set; } = "";

    public string CallId { get; set; } = "";

    public long CSeq { get; set; }

    public DateTime ExpiresAt { get; set; }

    /// <summary>UDP or TCP: the transport the REGISTER came over.</summary>
    public string Transport { get; set; } = "";

    public string SourceAddress { get; set; } = "";

    public int SourcePort { get; set; }

    public string? UserAgent { get; set; }

    public DateTime RegisteredAt { get; set; }

    /// <summary>
    /// Where a request to this contact goes: its URI as Request-URI, and the address to send
    /// to. A contact at the address the REGISTER came from is reachable as declared; any other
    /// (a private address behind NAT, a name) is reached where the REGISTER came from.
    /// </summary>
    public bool TryGetTarget([NotNullWhen(true)] out SipUri? contactUri, [NotNullWhen(true)] out SipEndPoint? destination)
    {
        destination = null;
        if (!SipUri.TryParse(ContactUri, out contactUri) || contactUri is null || !IPAddress.TryParse(SourceAddress, out var address))
        {
            contactUri = null;
            return false;
        }

        var transport = Transport == "TCP" ? SipTransportKind.Tcp : SipTransportKind.Udp;
        var declared = IPAddress.TryParse(contactUri.Host.Trim('[', ']'), out var contactAddress) && contactAddress.Equals(address);
        destination = new SipEndPoint(transport, declared && transport == SipTransportKind.Udp
            ? new IPEndPoint(address, contactUri.Port ?? 5060)
            : new IPEndPoint(address, SourcePort));
        return true;
    }
}
