using System.Net;

namespace Telephony.Sip.Transport;

public enum SipTransportKind
{
    Udp,
    Tcp,
    Tls,
    WebSocket,
}

/// <summary>Where a message comes from or goes to: a transport and an address.</summary>
public sealed record SipEndPoint(SipTransportKind Transport, IPEndPoint Address)
{
    /// <summary>Reliable transports need no retransmission by the transaction layer (RFC 3261 §17.1.1.2).</summary>
    public bool IsReliable => Transport != SipTransportKind.Udp;

    public string ViaTransport => Transport switch
    {
        SipTransportKind.Udp => "UDP",
        SipTransportKind.Tcp => "TCP",
        SipTransportKind.Tls => "TLS",
        _ => "WS",
    };

    public override string ToString() => $"{ViaTransport.ToLowerInvariant()}:{Address}";
}
