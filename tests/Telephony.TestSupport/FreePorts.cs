using System.Net;
using System.Net.Sockets;

namespace Telephony.TestSupport;

/// <summary>Loopback ports free at the time of asking, so parallel test runs do not collide.</summary>
public static class FreePorts
{
    // Below the kernel's ephemeral range (32768-60999): no outgoing connection of another
    // process can take a port of a block between the check and its use.
    private const int BlockRangeLow = 20000;
    private const int BlockRangeHigh = 32000;

    public static int[] Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }

    /// <summary>
    /// The first of <paramref name="count"/> consecutive ports free for both TCP and UDP, for
    /// programs that derive ports from a base (baresip listens for TLS on its SIP port + 1).
    /// </summary>
    public static int TakeBlock(int count)
    {
        for (var attempt = 0; attempt < 200; attempt++)
        {
            var first = Random.Shared.Next(BlockRangeLow, BlockRangeHigh - count);
            if (Enumerable.Range(first, count).All(IsFree))
            {
                return first;
            }
        }

        throw new InvalidOperationException($"No block of {count} free loopback ports between {BlockRangeLow} and {BlockRangeHigh}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            tcp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            using var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
