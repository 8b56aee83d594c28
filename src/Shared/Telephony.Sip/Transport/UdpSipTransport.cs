using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Transport;

/// <summary>
/// SIP over UDP (RFC 3261 §18): one socket, one message per datagram, received by one blocking
/// thread per core (the kernel wakes one of them per datagram; no event loop or thread-pool
/// hand-off between the datagram and its handling, which is what a SIP server spends most of
/// its time on). Nothing a datagram contains can stop a receiver; keep-alives are ignored.
/// </summary>
public sealed partial class UdpSipTransport : ISipTransport
{
    private const int MaxDatagram = 65_535;
    private readonly Socket _socket;
    private readonly ISipTransportSink _sink;
    private readonly SipParserLimits _limits;
    private readonly ILogger _logger;
    private readonly Thread[] _receivers;
    private volatile bool _stopping;

    public UdpSipTransport(IPEndPoint local, ISipTransportSink sink, SipParserLimits limits, ILogger logger)
    {
        _sink = sink;
        _limits = limits;
        _logger = logger;
        _socket = SipSockets.Create(local, SocketType.Dgram, ProtocolType.Udp);

        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.SendBufferSize = 4 * 1024 * 1024;
        _socket.Bind(local);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _receivers = new Thread[Math.Max(Environment.ProcessorCount, 2)];
        for (var i = 0; i < _receivers.Length; i++)
        {
            _receivers[i] = new Thread(Receive) { IsBackground = true, Name = $"sip-udp-{LocalEndPoint.Port}-{i}" };
            _receivers[i].Start();
        }
    }

    public SipTransportKind Kind => SipTransportKind.Udp;

    public IPEndPoint LocalEndPoint { get; }

    public bool TrySend(ReadOnlyMemory<byte> bytes, IPEndPoint destination)
    {
        try
        {
            _socket.SendTo(bytes.Span, SocketFlags.None, destination);
            return true;
        }
        catch (SocketException ex)
        {
            LogSendFailed(_logger, destination, ex.SocketErrorCode);
            return false;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stopping = true;
        _socket.Dispose(); // shuts the socket down, which wakes the blocked receivers
        await Task.Run(() =>
        {
            foreach (var receiver in _receivers)
            {
                receiver.Join();
            }
        });
    }

    private void Receive()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram);
        var any = LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        while (!_stopping)
        {
            int length;
            EndPoint remote = any;
            try
            {
                length = _socket.ReceiveFrom(buffer, SocketFlags.None, ref remote);
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException) when (_stopping)
            {
                return;
            }
            catch (SocketException ex)
            {
                // ICMP port unreachable from an earlier send, a datagram beyond the buffer, or
                // anything else the kernel reports for one datagram: the next one is received.
                if (ex.SocketErrorCode is not (SocketError.ConnectionReset or SocketError.MessageSize))
                {
                    LogReceiveFailed(_logger, ex.SocketErrorCode);
                }

                continue;
            }

            if (_stopping)
            {
                return; // the shutdown woke us with an empty read
            }

            var source = SipSockets.Normalize((IPEndPoint)remote);
            try
            {
                var result = SipParser.Parse(buffer.AsSpan(0, length), SipFraming.Datagram, _limits);
                switch (result.Status)
                {
                    case SipParseStatus.Complete:
                        _sink.OnMessage(this, result.Message!, source);
                        break;
                    case SipParseStatus.Invalid:
                        _sink.OnRejected(this, result.Rejection!, source);
                        break;
                }
            }
            catch (Exception ex)
            {
                // One message must never stop the loop; the layer above should not throw either.
                LogHandlerFailed(_logger, source, ex);
            }
        }
    }

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "UDP send to {Destination} failed: {Error}")]
    private static partial void LogSendFailed(ILogger logger, IPEndPoint destination, SocketError error);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "UDP receive failed: {Error}")]
    private static partial void LogReceiveFailed(ILogger logger, SocketError error);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Handling a datagram from {Source} failed")]
    private static partial void LogHandlerFailed(ILogger logger, IPEndPoint source, Exception exception);
}
