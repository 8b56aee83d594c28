using Telephony.CallControl.Calls;
using Telephony.CallControl.Registrar;
using Telephony.CallControl.Voicemail;
using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.CallControl.Sip;

/// <summary>
/// The transaction user of CallControl: hands each new request to its service and answers
/// what no service handles. Handling runs on the receiving thread and never blocks on I/O
/// (registrations are written behind, calls wait for the network through transactions);
/// nothing thrown while handling one request reaches the receive loop (it becomes a 500).
/// </summary>
public sealed partial class CallControlCore(RegistrarService registrar, B2buaService b2bua, MessageSummaryService summaries, ILogger<CallControlCore> logger) : ISipCore
{
    private const string Allow = "INVITE, ACK, BYE, CANCEL, OPTIONS, REGISTER, SUBSCRIBE, INFO";

    public void OnRequest(ServerTransaction transaction) => Handle(transaction);

    public void OnAck(SipRequest ack, SipEndPoint source) => b2bua.HandleAck(ack);

    public void OnStrayResponse(SipResponse response, SipEndPoint source)
    {
    }

    public void OnTimeout(ServerTransaction transaction)
    {
    }

    public void OnTransportError(ServerTransaction transaction)
    {
    }

    private void Handle(ServerTransaction transaction)
    {
        var request = transaction.Request;
        using var scope = CallScope(logger, request.CallId ?? "");
        try
        {
            switch (request.Method)
            {
                case SipMethod.Invite:
                    b2bua.HandleInvite((ServerInviteTransaction)transaction);
                    return;
                case SipMethod.Cancel:
                    b2bua.HandleCancel(transaction);
                    return;
                case SipMethod.Bye:
                    b2bua.HandleBye(transaction);
                    return;
                case SipMethod.Info:
                    b2bua.HandleInfo(transaction);
                    return;
                case SipMethod.Subscribe:
                    summaries.HandleSubscribe(transaction);
                    return;
            }

            transaction.SendResponse(request.Method switch
            {
                SipMethod.Register => registrar.Register(request, transaction.Remote),
                SipMethod.Options => Options(request),
                _ when !SipMethod.IsKnown(request.Method) => WithAllow(SipResponse.For(request, 501)),
                _ => WithAllow(SipResponse.For(request, 405)),
            });
        }
        catch (Exception ex)
        {
            LogFailed(logger, request.Method, ex);
            transaction.SendResponse(SipResponse.For(request, 500));
        }
    }

    /// <summary>OPTIONS answered for keep-alive probes and capability queries (RFC 3261 §11).</summary>
    private static SipResponse Options(SipRequest request)
    {
        var response = WithAllow(SipResponse.For(request, 200));
        response.Headers.Add(SipHeaderNames.Accept, "application/sdp");
        return response;
    }

    private static SipResponse WithAllow(SipResponse response)
    {
        response.Headers.Add(SipHeaderNames.Allow, Allow);
        return response;
    }

    private static readonly Func<ILogger, string, IDisposable?> CallScope = LoggerMessage.DefineScope<string>("Call-ID {CallId}");

    [LoggerMessage(EventId = 3100, Level = LogLevel.Error, Message = "Handling a {Method} failed")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);
}
