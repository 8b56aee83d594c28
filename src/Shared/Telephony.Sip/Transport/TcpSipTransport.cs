using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Telephony.Sip.Parsing;

namespace Telephony.Sip.Transport;

/// <summary>
/// SIP over TCP (RFC 3261 §18): a listener, and one connection per remote address, accepted or
/// opened on demand to send. Messages are framed by Content-Length; a framing error closes the
/// connection (the stream cannot be resynchronised). Responses to a request go back over the
/// connection it came on (§18.2.2). CRLFCRLF pings get a CRLF pong (RFC 5626 §3.5.1).
/// </summary>
public sealed partial class TcpSipTransport : ISipTransport
{
    private readonly Socket _listener;
    private readonly ISipTransportSink _sink;
    private readonly SipParserLimits _limits;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<IPEndPoint, Connection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Task _accepting;

    public TcpSipTransport(IPEndPoint local, ISipTransportSink sink, SipParserLimits limits, ILogger logger)
    {
        _sink = sink;
        _limits = limits;
        _logger = logger;
        _listener = SipSockets.Create(local, SocketType.Stream, ProtocolType.Tcp);

        _listener.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        _listener.Bind(local);
        _listener.Listen(512);
        LocalEndPoint = (IPEndPoint)_listener.LocalEndPoint!;
        _accepting = Task.Run(AcceptLoopAsync);
    }

    public SipTransportKind Kind => SipTransportKind.Tcp;

    public IPEndPoint LocalEndPoint { get; }

    public bool TrySend(ReadOnlyMemory<byte> bytes, IPEndPoint destination)
    {
        if (_stopping.IsCancellationRequested)
        {
            return false;
        }

        var connection = _connections.GetOrAdd(destination, remote =>
        {
            var socket = new Socket(remote.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            return Connection.Open(this, socket, remote, connectFirst: true);
        });
        return connection.Enqueue(bytes);
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Dispose();
        foreach (var connection in _connections.Values)
        {
            connection.Close();
        }

        await _accepting.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptAsync(_stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            socket.NoDelay = true;
            var remote = SipSockets.Normalize((IPEndPoint)socket.RemoteEndPoint!);
            var connection = Connection.Open(this, socket, remote, connectFirst: false);
            _connections.AddOrUpdate(remote, connection, (_, old) =>
            {
                old.Close();
                return connection;
            });
        }
    }

    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "TCP connection with {Remote} closed: {Reason}")]
    private static partial void LogClosed(ILogger logger, IPEndPoint remote, string reason);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Error, Message = "Handling a message from {Remote} over TCP failed")]
    private static partial void LogHandlerFailed(ILogger logger, IPEndPoint remote, Exception exception);

    private sealed class Connection : IDisposable
    {
        private static readonly ReadOnlyMemory<byte> Pong = "\r\n"u8.ToArray();
        private readonly TcpSipTransport _owner;
        private readonly Socket _socket;
        private readonly IPEndPoint _remote;
        private readonly Channel<ReadOnlyMemory<byte>> _outbox = Channel.CreateBounded<ReadOnlyMemory<byte>>(
            new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true });

        private readonly CancellationTokenSource _closed = new();
        private int _isClosed;

        private Connection(TcpSipTransport owner, Socket socket, IPEndPoint remote)
        {
            _owner = owner;
            _socket = socket;
            _remote = remote;
        }

        public static Connection Open(TcpSipTransport owner, Socket socket, IPEndPoint remote, bool connectFirst)
        {
            var connection = new Connection(owner, socket, remote);
            _ = Task.Run(() => connection.RunAsync(connectFirst));
            return connection;
        }

        public bool Enqueue(ReadOnlyMemory<byte> bytes) => Volatile.Read(ref _isClosed) == 0 && _outbox.Writer.TryWrite(bytes);

        public void Close()
        {
            if (Interlocked.Exchange(ref _isClosed, 1) == 0)
            {
                _closed.Cancel();
                _outbox.Writer.TryComplete();
                _socket.Dispose();
            }
        }

        /// <summary>Called once by the connection's own loop when it ends.</summary>
        public void Dispose()
        {
            Close();
            _closed.Dispose();
        }

        private async Task RunAsync(bool connectFirst)
        {
            var reason = "closed by peer";
            try
            {
                if (connectFirst)
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_closed.Token);
                    timeout.CancelAfter(TimeSpan.FromSeconds(10));
                    await _socket.ConnectAsync(_remote, timeout.Token);
                }

                var writing = WriteLoopAsync();
                reason = await ReadLoopAsync();
                Close();
                await writing;
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                reason = ex.GetType().Name;
            }
            finally
            {
                Dispose();
                _owner._connections.TryRemove(new KeyValuePair<IPEndPoint, Connection>(_remote, this));
                LogClosed(_owner._logger, _remote, reason);
            }
        }

        private async Task WriteLoopAsync()
        {
            try
            {
                await foreach (var bytes in _outbox.Reader.ReadAllAsync(_closed.Token))
                {
                    await _socket.SendAsync(bytes, SocketFlags.None, _closed.Token);
                }
            }
            catch (Exception ex) when (ex is SocketException or OperationCanceledException or ObjectDisposedException)
            {
                Close();
            }
        }

        /// <summary>Reads and frames messages until the peer closes or breaks the framing; returns why it ended.</summary>
        private async Task<string> ReadLoopAsync()
        {
            var limits = _owner._limits;
            var maximum = limits.MaxHeaderBytes + limits.MaxBodyBytes;
            var buffer = new byte[8192];
            var count = 0;
            while (Volatile.Read(ref _isClosed) == 0)
            {
                if (count == buffer.Length)
                {
                    if (buffer.Length >= maximum)
                    {
                        return "message beyond the size limits";
                    }

                    Array.Resize(ref buffer, Math.Min(buffer.Length * 2, maximum));
                }

                var read = await _socket.ReceiveAsync(buffer.AsMemory(count), SocketFlags.None, _closed.Token);
                if (read == 0)
                {
                    return "closed by peer";
                }

                count += read;
                var offset = 0;
                while (offset < count)
                {
                    var result = SipParser.Parse(buffer.AsSpan(offset, count - offset), SipFraming.Stream, limits);
                    if (result.Status == SipParseStatus.Incomplete)
                    {
                        break;
                    }

                    offset += result.Consumed;
                    try
                    {
                        switch (result.Status)
                        {
                            case SipParseStatus.KeepAlive when result.Consumed >= 4:
                                Enqueue(Pong);
                                break;
                            case SipParseStatus.Complete:
                                _owner._sink.OnMessage(_owner, result.Message!, _remote);
                                break;
                            case SipParseStatus.Invalid:
                                _owner._sink.OnRejected(_owner, result.Rejection!, _remote);
                                return "framing error: " + result.Rejection!.Reason;
                        }
                    }
                    catch (Exception ex)
                    {
                        LogHandlerFailed(_owner._logger, _remote, ex);
                    }
                }

                Buffer.BlockCopy(buffer, offset, buffer, 0, count - offset);
                count -= offset;
            }

            return "closed";
        }
    }
}
