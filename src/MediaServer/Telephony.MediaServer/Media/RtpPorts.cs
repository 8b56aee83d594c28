using System.Net;
using System.Net.Sockets;

namespace Telephony.MediaServer.Media;

/// <summary>
/// Hands out RTP ports from the configured range: even ports for RTP, the odd one above for
/// RTCP (RFC 3550 §11), each pair bound before it is given, so two sessions never share one.
/// </summary>
public sealed class RtpPorts(int first, int last)
{
    private readonly Lock _gate = new();
    private int _next = first + (first % 2);

    /// <summary>Binds an RTP socket and its RTCP socket on <paramref name="address"/>; null when the range is exhausted.</summary>
    public (Socket Rtp, Socket Rtcp)? Bind(IPAddress address)
    {
        var pairs = (last - first + 1) / 2;
        for (var attempt = 0; attempt < pairs; attempt++)
        {
            int port;
            lock (_gate)
            {
                port = _next;
                _next = _next + 2 > last - 1 ? first + (first % 2) : _next + 2;
            }

            var rtp = TryBind(address, port);
            if (rtp is null)
            {
                continue;
            }

            var rtcp = TryBind(address, port + 1);
            if (rtcp is null)
            {
                rtp.Dispose();
                continue;
            }

            return (rtp, rtcp);
        }

        return null;
    }

    private static Socket? TryBind(IPAddress address, int port)
    {
        var socket = new Socket(address.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        try
        {
            socket.Bind(new IPEndPoint(address, port));
            return socket;
        }
        catch (SocketException)
        {
            socket.Dispose();
            return null;
        }
    }
}
