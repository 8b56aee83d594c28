using Telephony.Sip.Messages;

namespace Telephony.Sip.Transport;

/// <summary>
/// The transport layer as the transaction layer sees it: hand a message over for sending and
/// return at once. A send that fails is reported back through the transaction layer
/// (RFC 3261 §17.1.4: a transport error terminates the transaction).
/// </summary>
public interface ISipMessageSender
{
    void Send(SipMessage message, SipEndPoint destination);

    /// <summary>Sends a message already serialised: what a transaction keeps to retransmit.</summary>
    void Send(ReadOnlyMemory<byte> message, SipEndPoint destination);
}
