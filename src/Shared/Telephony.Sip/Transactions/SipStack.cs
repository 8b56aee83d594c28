using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Logging;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Transactions;

/// <summary>
/// The transaction layer over the transports: matches what arrives to transactions (RFC 3261
/// §17.1.3, §17.2.3), creates server transactions for new requests, stamps received/rport on
/// requests (RFC 3581), routes responses back (§18.2.2), answers what cannot be parsed when a
/// response can be routed, and counts what it drops.
/// </summary>
public sealed class SipStack : ISipMessageSender, ISipTransportSink, IAsyncDisposable
{
    public const string MeterName = "Telephony.Sip";

    private static readonly string[] StatusClasses = ["1xx", "2xx", "3xx", "4xx", "5xx", "6xx"];

    private readonly ConcurrentDictionary<string, SipTransaction> _transactions = new(StringComparer.Ordinal);
    private readonly List<ISipTransport> _transports = [];
    private readonly TransactionClock _clock;
    private readonly SipParserLimits _limits;
    private readonly ILogger _logger;
    private readonly Meter _meter = new(MeterName);
    private readonly Counter<long> _received;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _dropped;
    private readonly Counter<long> _responsesSent;
    private ISipCore? _core;

    public SipStack(TimeProvider time, SipTimerOptions timers, SipParserLimits limits, ILogger logger)
    {
        _clock = new TransactionClock(time, timers);
        _limits = limits;
        _logger = logger;
        _received = _meter.CreateCounter<long>("telephony.sip.messages.received", description: "SIP messages received, by kind");
        _rejected = _meter.CreateCounter<long>("telephony.sip.parse.failures", description: "Messages refused by the parser, by status");
        _dropped = _meter.CreateCounter<long>("telephony.sip.messages.dropped", description: "Messages dropped unanswered, by reason");
        _responsesSent = _meter.CreateCounter<long>("telephony.sip.responses.sent", description: "Responses sent, by class");
        _meter.CreateObservableGauge("telephony.sip.transactions", () => _transactions.Count, description: "Live transactions");
    }

    public IReadOnlyList<ISipTransport> Transports => _transports;

    /// <summary>Connects the layer above; must be called before the first transport starts.</summary>
    public void Attach(ISipCore core) => _core = core;

    public UdpSipTransport ListenUdp(IPEndPoint local)
    {
        var transport = new UdpSipTransport(local, this, _limits, _logger);
        _transports.Add(transport);
        return transport;
    }

    public TcpSipTransport ListenTcp(IPEndPoint local)
    {
        var transport = new TcpSipTransport(local, this, _limits, _logger);
        _transports.Add(transport);
        return transport;
    }

    /// <summary>Sends a request in a new client transaction (the request already carries its Via with a fresh branch).</summary>
    public ClientTransaction SendRequest(SipRequest request, SipEndPoint destination, IClientTransactionUser user)
    {
        ClientTransaction transaction = request.Method == SipMethod.Invite
            ? new ClientInviteTransaction(request, destination, this, _clock, user)
            : new ClientNonInviteTransaction(request, destination, this, _clock, user);
        Register(transaction);
        transaction.Start();
        return transaction;
    }

    /// <summary>Sends a message, in a transaction or outside any (stateless responses, ACK for 2xx, 2xx retransmissions).</summary>
    public void Send(SipMessage message, SipEndPoint destination) => Send(message.ToBytes(), destination);

    public void Send(ReadOnlyMemory<byte> message, SipEndPoint destination)
    {
        var transport = _transports.FirstOrDefault(t => t.Kind == destination.Transport && t.LocalEndPoint.AddressFamily == destination.Address.AddressFamily)
            ?? _transports.FirstOrDefault(t => t.Kind == destination.Transport);
        if (ResponseClass(message.Span) is { } statusClass)
        {
            _responsesSent.Add(1, new KeyValuePair<string, object?>("class", statusClass));
        }

        if (transport is null || !transport.TrySend(message, destination.Address))
        {
            _dropped.Add(1, new KeyValuePair<string, object?>("reason", "send-failed"));
        }
    }

    public void OnMessage(ISipTransport transport, SipMessage message, IPEndPoint source)
    {
        var from = new SipEndPoint(transport.Kind, source);
        if (message is SipResponse response)
        {
            _received.Add(1, new KeyValuePair<string, object?>("kind", "response"));
            if (_transactions.TryGetValue(ClientTransaction.KeyOf(response), out var transaction) && transaction is ClientTransaction client)
            {
                client.OnResponse(response);
            }
            else
            {
                _core?.OnStrayResponse(response, from);
            }

            return;
        }

        var request = (SipRequest)message;
        _received.Add(1, new KeyValuePair<string, object?>("kind", "request"));
        StampReceived(request, source);
        var key = ServerTransaction.KeyOf(request);
        if (_transactions.TryGetValue(key, out var existing) && existing is ServerTransaction server)
        {
            server.OnRequest(request);
            return;
        }

        if (request.Method == SipMethod.Ack)
        {
            _core?.OnAck(request, from);
            return;
        }

        var destination = ResponseDestination(request, from);
        ServerTransaction created = request.Method == SipMethod.Invite
            ? new ServerInviteTransaction(request, destination, this, _clock, _core!)
            : new ServerNonInviteTransaction(request, destination, this, _clock, _core!);
        if (!_transactions.TryAdd(created.Key, created))
        {
            return; // the same request arrived twice at once; the first one owns it
        }

        created.Terminated += Forget;
        _core!.OnRequest(created);
    }

    public void OnRejected(ISipTransport transport, SipRejection rejection, IPEndPoint source)
    {
        _rejected.Add(1, new KeyValuePair<string, object?>("status", rejection.StatusCode));
        if (transport.Kind == SipTransportKind.Udp && rejection.StatusCode == 513)
        {
            _dropped.Add(1, new KeyValuePair<string, object?>("reason", "oversize"));
            return;
        }

        if (!rejection.CanRespond || rejection.Request!.Method == SipMethod.Ack)
        {
            _dropped.Add(1, new KeyValuePair<string, object?>("reason", "unroutable"));
            return;
        }

        var request = rejection.Request;
        StampReceived(request, source);
        Send(SipResponse.For(request, rejection.StatusCode, rejection.Reason), ResponseDestination(request, new SipEndPoint(transport.Kind, source)));
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var transport in _transports)
        {
            await transport.DisposeAsync();
        }

        _clock.Dispose();
        _meter.Dispose();
    }

    /// <summary>
    /// Where responses to <paramref name="request"/> go (RFC 3261 §18.2.2, RFC 3581 §4): back over
    /// the connection on reliable transports; otherwise to the received address and the rport,
    /// or the Via's sent-by port (5060 by default).
    /// </summary>
    public static SipEndPoint ResponseDestination(SipRequest request, SipEndPoint source)
    {
        if (source.IsReliable)
        {
            return source;
        }

        var via = request.TopVia!;
        var address = IPAddress.TryParse(via.Received, out var received) ? received : source.Address.Address;
        var port = via.Rport ?? via.Port ?? 5060;
        return new SipEndPoint(source.Transport, new IPEndPoint(address, port));
    }

    /// <summary>RFC 3261 §18.2.1 and RFC 3581 §4: note the packet's source on the top Via.</summary>
    private static void StampReceived(SipRequest request, IPEndPoint source)
    {
        var via = request.TopVia;
        if (via is null)
        {
            return;
        }

        var sourceAddress = source.Address.ToString();
        var hostAddress = via.Host.Trim('[', ']');
        var changed = false;
        if (via.HasRport)
        {
            via.Parameters.Set("rport", source.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
            via.Parameters.Set("received", sourceAddress);
            changed = true;
        }
        else if (!IPAddress.TryParse(hostAddress, out var sentBy) || !sentBy.Equals(source.Address))
        {
            via.Parameters.Set("received", sourceAddress);
            changed = true;
        }

        if (changed)
        {
            request.Headers.ReplaceFirstValue(SipHeaderNames.Via, via.ToString());
        }
    }

    /// <summary>"2xx" for a serialised response (its status line starts "SIP/2.0 2"), null for a request.</summary>
    private static string? ResponseClass(ReadOnlySpan<byte> message) =>
        message.Length > 8 && message.StartsWith("SIP/2.0 "u8) && message[8] is >= (byte)'1' and <= (byte)'6' ? StatusClasses[message[8] - '1'] : null;

    private void Register(SipTransaction transaction)
    {
        _transactions[transaction.Key] = transaction;
        transaction.Terminated += Forget;
    }

    private void Forget(SipTransaction transaction) =>
        _transactions.TryRemove(new KeyValuePair<string, SipTransaction>(transaction.Key, transaction));
}
