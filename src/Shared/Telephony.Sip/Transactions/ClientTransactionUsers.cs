using Telephony.Sip.Messages;

namespace Telephony.Sip.Transactions;

public static class ClientTransactionUsers
{
    /// <summary>For requests whose answer changes nothing (a BYE, a CANCEL): the transaction still retransmits and absorbs the response.</summary>
    public static IClientTransactionUser Ignoring { get; } = new IgnoringUser();

    private sealed class IgnoringUser : IClientTransactionUser
    {
        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
        }

        public void OnTimeout(ClientTransaction transaction)
        {
        }

        public void OnTransportError(ClientTransaction transaction)
        {
        }
    }
}
