using System.Net;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;
using Telephony.Sip.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Tests.Transactions;

/// <summary>
/// Drives one transaction from both sides: what it puts on the wire is recorded with its
/// virtual send time; what it tells its user is recorded too.
/// </summary>
internal sealed class TransactionHarness : ISipMessageSender, IClientTransactionUser, IServerTransactionUser
{
    public static readonly SipEndPoint Udp = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.20"), 5060));
    public static readonly SipEndPoint Tcp = new(SipTransportKind.Tcp, new IPEndPoint(IPAddress.Parse("192.0.2.20"), 5060));

    public TransactionHarness() => Clock = new TransactionClock(Time, SipTimerOptions.Default);

    public FakeTimeProvider Time { get; } = new();

    /// <summary>The clock every transaction under test runs on, as a stack's do.</summary>
    public TransactionClock Clock { get; }

    public List<(TimeSpan At, SipMessage Message)> Sent { get; } = [];

    public List<SipResponse> Delivered { get; } = [];

    public List<TimeSpan> TimedOut { get; } = [];

    public List<TimeSpan> TerminatedAt { get; } = [];

    public IEnumerable<double> SendTimesMs => Sent.Select(s => s.At.TotalMilliseconds);

    public void Send(SipMessage message, SipEndPoint destination) => Sent.Add((Time.Elapsed, message));

    public void Send(ReadOnlyMemory<byte> message, SipEndPoint destination) =>
        Sent.Add((Time.Elapsed, SipParser.Parse(message.Span, SipFraming.Datagram).Message!));

    public void OnResponse(ClientTransaction transaction, SipResponse response) => Delivered.Add(response);

    public void OnTimeout(ClientTransaction transaction) => TimedOut.Add(Time.Elapsed);

    public void OnTimeout(ServerTransaction transaction) => TimedOut.Add(Time.Elapsed);

    public void OnTransportError(ClientTransaction transaction)
    {
    }

    public void OnTransportError(ServerTransaction transaction)
    {
    }

    public T Track<T>(T transaction)
        where T : SipTransaction
    {
        transaction.Terminated += _ => TerminatedAt.Add(Time.Elapsed);
        return transaction;
    }

    public static SipRequest Request(string method, string branch = "z9hG4bKtx1")
    {
        var text = $"""
            {method} sip:201@demo.sip.test SIP/2.0
            Via: SIP/2.0/UDP 192.0.2.10:5060;branch={branch}
            Max-Forwards: 70
            To: <sip:201@demo.sip.test>
            From: <sip:33199000000@demo.sip.test>;tag=from1
            Call-ID: tx-call@192.0.2.10
            CSeq: 7 {method}
            Content-Length: 0


            """;
        return (SipRequest)SipParser.Parse(SipText.Bytes(text), SipFraming.Datagram).Message!;
    }

    public static SipResponse Response(SipRequest request, int status, string? toTag = "to1")
    {
        var response = SipResponse.For(request, status);
        if (toTag is not null && status > 100)
        {
            response.Headers.Set(SipHeaderNames.To, request.Headers[SipHeaderNames.To] + ";tag=" + toTag);
        }

        return response;
    }
}
