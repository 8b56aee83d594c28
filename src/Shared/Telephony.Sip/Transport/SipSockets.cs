using System.Net;
using System.Net.Sockets;

namespace Telephony.Sip.Transport;

/// <summary>What the UDP and TCP transports do alike with their sockets.</summary>
internal static class SipSockets
{
    /// <summary>A socket for <paramref name="local"/>; on the IPv6 wildcard it takes IPv4 peers too.</summary>
    public static Socket Create(IPEndPoint local, SocketType type, ProtocolType protocol)
    {
        var socket = new Socket(local.AddressFamily, type, protocol);
        if (local.AddressFamily == AddressFamily.InterNetworkV6)
        {
            socket.DualMode = local.Address.Equals(IPAddress.IPv6Any);
        }

        return socket;
    }

    /// <summary>IPv4 peers on a dual-mode socket appear as ::ffff:a.b.c.d; address them as IPv4.</summary>
    public static IPEndPoint Normalize(IPEndPoint endpoint) =>
        endpoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endpoint.Address.MapToIPv4(), endpoint.Port) : endpoint;
}
