using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Telephony.MediaServer.Media;

/// <summary>
/// Receives for every RTP session. On Linux x64, one thread waits on an epoll set of the RTP
/// sockets (readable only) and drains each ready socket with non-blocking recvfrom: .NET's own
/// socket engine registers every socket it reads asynchronously for writability too, and each
/// packet sent then wakes its event thread and the thread pool — with a thousand sessions that
/// is most of a core spent on nothing. Elsewhere, each session reads with an async receive.
/// Either way a session gets (datagram, the sender's raw socket address) and nothing it does
/// throws out of the loop.
/// </summary>
public sealed partial class RtpReceiver : IDisposable
{
    private const int EpollIn = 0x001;
    private const int EpollCtlAdd = 1;
    private const int EpollCtlDel = 2;
    private const int MsgDontWait = 0x40;
    private const int MaxDatagram = 1500;
    private const int AddressCapacity = 28; // sockaddr_in6

    private readonly ConcurrentDictionary<int, RtpSession> _sessions = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly int _epoll = -1;
    private readonly Thread? _thread;

    public RtpReceiver()
    {
        if (!UsesEpoll)
        {
            return;
        }

        _epoll = EpollCreate1(0);
        if (_epoll < 0)
        {
            throw new InvalidOperationException($"epoll_create1 failed ({Marshal.GetLastPInvokeError()})");
        }

        _thread = new Thread(Run) { IsBackground = true, Name = "rtp receive" };
        _thread.Start();
    }

    public static bool UsesEpoll { get; } = OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture == Architecture.X64;

    /// <summary>Starts delivering what arrives on <paramref name="socket"/> to <paramref name="session"/>.</summary>
    internal IDisposable Register(RtpSession session, Socket socket)
    {
        if (!UsesEpoll)
        {
            return new AsyncLoop(session, socket);
        }

        var fd = (int)socket.Handle;
        _sessions[fd] = session;
        var request = new EpollEvent { Events = EpollIn, Data = (ulong)fd };
        if (EpollCtl(_epoll, EpollCtlAdd, fd, ref request) != 0)
        {
            _sessions.TryRemove(fd, out _);
            throw new InvalidOperationException($"epoll_ctl failed ({Marshal.GetLastPInvokeError()})");
        }

        return new Registration(this, fd);
    }

    private void Unregister(int fd)
    {
        var ignored = default(EpollEvent);
        EpollCtl(_epoll, EpollCtlDel, fd, ref ignored);
        _sessions.TryRemove(fd, out _);
    }

    private unsafe void Run()
    {
        var events = new EpollEvent[256];
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        var address = new byte[AddressCapacity];
        while (!_stopping.IsCancellationRequested)
        {
            int ready;
            fixed (EpollEvent* pointer = events)
            {
                ready = EpollWait(_epoll, pointer, events.Length, 200);
            }

            for (var i = 0; i < ready; i++)
            {
                var fd = (int)events[i].Data;
                if (!_sessions.TryGetValue(fd, out var session))
                {
                    continue;
                }

                // Drain: level-triggered, but one wake-up should take what is there.
                for (var read = 0; read < 64; read++)
                {
                    var addressLength = AddressCapacity;
                    nint received;
                    fixed (byte* data = buffer)
                    fixed (byte* from = address)
                    {
                        received = RecvFrom(fd, data, MaxDatagram, MsgDontWait, from, &addressLength);
                    }

                    if (received < 0)
                    {
                        break; // EAGAIN (drained), or an ICMP error reported on the socket
                    }

                    session.Receive(buffer.AsSpan(0, (int)received), address.AsSpan(0, Math.Min(addressLength, AddressCapacity)));
                }
            }
        }
    }

    public void Dispose()
    {
        _stopping.Cancel();
        _thread?.Join(TimeSpan.FromSeconds(1));
        if (_epoll >= 0)
        {
            Close(_epoll);
        }

        _stopping.Dispose();
    }

    /// <summary>The peer's address from a raw sockaddr (AF_INET or AF_INET6), as recvfrom and SocketAddress hold it.</summary>
    internal static IPEndPoint? EndPointOf(ReadOnlySpan<byte> sockaddr)
    {
        var family = (AddressFamily)(sockaddr.Length >= 2 ? sockaddr[0] | (sockaddr[1] << 8) : 0);
        var port = sockaddr.Length >= 4 ? (sockaddr[2] << 8) | sockaddr[3] : 0;
        return family switch
        {
            AddressFamily.InterNetwork when sockaddr.Length >= 8 => new IPEndPoint(new IPAddress(sockaddr[4..8]), port),
            (AddressFamily)10 when sockaddr.Length >= 24 => new IPEndPoint(new IPAddress(sockaddr[8..24]), port), // AF_INET6 on Linux
            AddressFamily.InterNetworkV6 when sockaddr.Length >= 24 => new IPEndPoint(new IPAddress(sockaddr[8..24]), port),
            _ => null,
        };
    }

    [StructLayout(LayoutKind.Sequential, Pack = 1)] // packed on x86-64 (sys/epoll.h)
    private struct EpollEvent
    {
        public int Events;
        public ulong Data;
    }

    [LibraryImport("libc", EntryPoint = "epoll_create1", SetLastError = true)]
    private static partial int EpollCreate1(int flags);

    [LibraryImport("libc", EntryPoint = "epoll_ctl", SetLastError = true)]
    private static partial int EpollCtl(int epfd, int op, int fd, ref EpollEvent @event);

    [LibraryImport("libc", EntryPoint = "epoll_wait", SetLastError = true)]
    private static unsafe partial int EpollWait(int epfd, EpollEvent* events, int maxevents, int timeout);

    [LibraryImport("libc", EntryPoint = "recvfrom", SetLastError = true)]
    private static unsafe partial nint RecvFrom(int fd, byte* buffer, nint length, int flags, byte* address, int* addressLength);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    private static partial int Close(int fd);

    private sealed class Registration(RtpReceiver owner, int fd) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unregister(fd);
            }
        }
    }

    /// <summary>Outside Linux x64: the session's own async receive loop.</summary>
    private sealed class AsyncLoop : IDisposable
    {
        private readonly CancellationTokenSource _stopping = new();

        public AsyncLoop(RtpSession session, Socket socket) => _ = RunAsync(session, socket, _stopping.Token);

        public void Dispose()
        {
            _stopping.Cancel();
            _stopping.Dispose();
        }

        private static async Task RunAsync(RtpSession session, Socket socket, CancellationToken stopping)
        {
            var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
            var from = new SocketAddress(socket.AddressFamily);
            while (!stopping.IsCancellationRequested)
            {
                int received;
                try
                {
                    received = await socket.ReceiveFromAsync(buffer, SocketFlags.None, from, stopping);
                }
                catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
                {
                    return;
                }
                catch (SocketException)
                {
                    continue; // ICMP port unreachable reported on a later receive: not fatal
                }

                session.Receive(buffer.AsSpan(0, received), from.Buffer.Span[..from.Size]);
            }
        }
    }
}
