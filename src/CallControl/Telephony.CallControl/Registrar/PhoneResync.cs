using MassTransit;
using Microsoft.Extensions.Options;
using Telephony.CallControl.Routing;
using Telephony.CallControl.Sip;
using Telephony.Contracts.Devices;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;

namespace Telephony.CallControl.Registrar;

/// <summary>
/// D-RESYNC: tells a line's registered phones to fetch their configuration again with an
/// unsolicited NOTIFY carrying the vendor's Event (check-sync, with reboot where the vendor
/// needs it), sent to each contact the way calls reach it. Only this instance's registrations
/// of the line, and only when the line belongs to the message's tenant.
/// </summary>
public sealed partial class PhoneResync(
    LocationService location,
    RoutingTable routing,
    SipServer server,
    IOptions<SipOptions> options,
    ILogger<PhoneResync> logger)
{
    /// <summary>Sends the NOTIFYs; returns how many contacts were told.</summary>
    public int Notify(DeviceResyncRequested request)
    {
        if (routing.Find(request.TenantId) is not { } tenant || tenant.Snapshot.Lines.FirstOrDefault(l => l.LineId == request.LineId) is not { Sip: { } sip })
        {
            return 0;
        }

        var us = new Contact(options.Value.AdvertisedHost, options.Value.Port);
        var told = 0;
        foreach (var registration in location.Find(request.LineId).Where(r => r.TenantId == request.TenantId))
        {
            if (!registration.TryGetTarget(out var contactUri, out var destination))
            {
                continue;
            }

            var aor = $"<sip:{sip.Username}@{tenant.SipDomain}>";
            var dialog = new Dialog(SipIds.CallId(us.Host), aor, SipIds.Tag(), aor, remoteTag: null, contactUri, destination, localCSeq: 0);
            var notify = dialog.NewRequest(SipMethod.Notify, us);
            notify.Headers.Add(SipHeaderNames.Event, request.Event);
            notify.Headers.Add("Subscription-State", "terminated;reason=timeout");
            server.Stack.SendRequest(notify, destination, new Outcome(logger, request.LineId));
            told++;
        }

        LogNotified(logger, request.LineId, told, request.Event);
        return told;
    }

    [LoggerMessage(EventId = 2110, Level = LogLevel.Information, Message = "Resync of line {LineId}: {Count} registered contact(s) sent NOTIFY {Event}")]
    private static partial void LogNotified(ILogger logger, Guid lineId, int count, string @event);

    [LoggerMessage(EventId = 2111, Level = LogLevel.Information, Message = "Resync NOTIFY to a phone of line {LineId} answered {StatusCode}")]
    private static partial void LogAnswered(ILogger logger, Guid lineId, int statusCode);

    private sealed class Outcome(ILogger logger, Guid lineId) : IClientTransactionUser
    {
        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
            if (response.StatusCode >= 200)
            {
                LogAnswered(logger, lineId, response.StatusCode);
            }
        }

        public void OnTimeout(ClientTransaction transaction) => LogAnswered(logger, lineId, 408);

        public void OnTransportError(ClientTransaction transaction) => LogAnswered(logger, lineId, 503);
    }
}

/// <summary>Every CallControl instance consumes the request (on its own queue) and tells the contacts it holds.</summary>
internal sealed class DeviceResyncRequestedConsumer(PhoneResync resync) : IConsumer<DeviceResyncRequested>
{
    public Task Consume(ConsumeContext<DeviceResyncRequested> context)
    {
        resync.Notify(context.Message);
        return Task.CompletedTask;
    }
}
