using Telephony.Sip.Messages;

namespace Telephony.Sip.Transactions;

/// <summary>The transaction user (UA core, registrar, B2BUA) of a client transaction.</summary>
public interface IClientTransactionUser
{
    /// <summary>A provisional or final response, or (INVITE, RFC 6026) a retransmitted 2xx.</summary>
    void OnResponse(ClientTransaction transaction, SipResponse response);

    /// <summary>Timer B or F fired: no final response came (the TU treats it as a 408).</summary>
    void OnTimeout(ClientTransaction transaction);

    void OnTransportError(ClientTransaction transaction);
}

/// <summary>The transaction user of a server transaction.</summary>
public interface IServerTransactionUser
{
    /// <summary>Timer H fired: the ACK for a final non-2xx response never came.</summary>
    void OnTimeout(ServerTransaction transaction);

    void OnTransportError(ServerTransaction transaction);
}
