using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Transactions;

/// <summary>The layer above the transactions (UA core, registrar, B2BUA), as <see cref="SipStack"/> calls it.</summary>
public interface ISipCore : IServerTransactionUser
{
    /// <summary>A new request in a new server transaction (CANCEL included).</summary>
    void OnRequest(ServerTransaction transaction);

    /// <summary>An ACK that matches no server transaction: the ACK for a 2xx, end to end (RFC 3261 §13.2.2.4, §17.2.3).</summary>
    void OnAck(SipRequest ack, SipEndPoint source);

    /// <summary>A response no client transaction claims, e.g. a 2xx retransmitted after its transaction ended.</summary>
    void OnStrayResponse(SipResponse response, SipEndPoint source);
}
