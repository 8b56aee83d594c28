using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Transport;

/// <summary>
/// SIP over UDP (RFC 3261 §18): one socket, one receive loop, one message per datagram.
/// Nothing a datagram contains can stop the loop; keep-alives are ignored.
/// </summary>
public sealed partial class UdpSipTransport : ISipTransport
{
    private const int MaxDatagram = 65_535;
    private readonly Socket _socket;
    private readonly ISipTransportSink _sink;
    private readonly SipParserLimits _limits;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _receiving;

    public UdpSipTransport(IPEndPoint local, ISipTransportSink sink, SipParserLimits limits, ILogger logger)
    {
        _sink = sink;
        _limits = limits;
        _logger = logger;
        _socket = new Socket(local.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
        if (local.AddressFamily == AddressFamily.InterNetworkV6)
        {
            _socket.DualMode = local.Address.Equals(IPAddress.IPv6Any);
        }

        _socket.ReceiveBufferSize = 4 * 1024 * 1024;
        _socket.SendBufferSize = 4 * 1024 * 1024;
        _socket.Bind(local);
        LocalEndPoint = (IPEndPoint)_socket.LocalEndPoint!;
        _receiving = Task.Run(ReceiveLoopAsync);
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
        await _stopping.CancelAsync();
        _socket.Dispose();
        await _receiving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = GC.AllocateUninitializedArray<byte>(MaxDatagram, pinned: true);
        EndPoint any = LocalEndPoint.AddressFamily == AddressFamily.InterNetworkV6 ? new IPEndPoint(IPAddress.IPv6Any, 0) : new IPEndPoint(IPAddress.Any, 0);
        while (!_stopping.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _socket.ReceiveFromAsync(buffer, SocketFlags.None, any, _stopping.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (ObjectDisposedException)
            {
                return;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.MessageSize)
            {
                continue; // ICMP port unreachable from an earlier send, or a datagram beyond the buffer
            }

            var source = Normalize((IPEndPoint)received.RemoteEndPoint);
            try
            {
                var result = SipParser.Parse(buffer.AsSpan(0, received.ReceivedBytes), SipFraming.Datagram, _limits);
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

    /// <summary>IPv4 peers on a dual-mode socket appear as ::ffff:a.b.c.d; address them as IPv4.</summary>
    internal static IPEndPoint Normalize(IPEndPoint endpoint) =>
        endpoint.Address.IsIPv4MappedToIPv6 ? new IPEndPoint(endpoint.Address.MapToIPv4(), endpoint.Port) : endpoint;

    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "UDP send to {Destination} failed: {Error}")]
    private static partial void LogSendFailed(ILogger logger, IPEndPoint destination, SocketError error);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Error, Message = "Handling a datagram from {Source} failed")]
    private static partial void LogHandlerFailed(ILogger logger, IPEndPoint source, Exception exception);
}
