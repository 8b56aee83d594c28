using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using MassTransit;
using Microsoft.Extensions.Options;
using Telephony.CallControl.Registrar;
using Telephony.CallControl.Routing;
using Telephony.CallControl.Sip;
using Telephony.Contracts.Routing;
using Telephony.Contracts.Voicemail;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.CallControl.Voicemail;

/// <summary>
/// V-MWI over SIP: the message-summary event package (RFC 3842). A phone SUBSCRIBEs for its own
/// line's box (RFC 6665; authenticated like any request from a line) and gets a NOTIFY at once
/// and at every change; a registered phone of the line that holds no subscription gets
/// unsolicited NOTIFYs, which is what phones not configured to subscribe expect. The body says
/// whether messages wait and how many (Voice-Message: new/saved).
/// </summary>
public sealed partial class MessageSummaryService(
    RequestAuthenticator authenticator,
    RoutingTable routing,
    LocationService location,
    MessageWaiting boxes,
    IOptions<SipOptions> options,
    TimeProvider time,
    ILogger<MessageSummaryService> logger)
{
    public const string EventPackage = "message-summary";
    public const string ContentType = "application/simple-message-summary";
    private static readonly TimeSpan MaxExpiry = TimeSpan.FromHours(1);
    private static readonly TimeSpan MinExpiry = TimeSpan.FromMinutes(1);

    private readonly ConcurrentDictionary<string, Subscription> _subscriptions = new(StringComparer.Ordinal);

    /// <summary>Set once the SIP stack runs.</summary>
    public SipStack? Stack { get; set; }

    private Contact Us => new(options.Value.AdvertisedHost, options.Value.Port);

    public int SubscriptionCount => _subscriptions.Count;

    public void HandleSubscribe(ServerTransaction transaction)
    {
        var request = transaction.Request;
        var package = request.Headers[SipHeaderNames.Event]?.Split(';')[0].Trim();
        if (!string.Equals(package, EventPackage, StringComparison.OrdinalIgnoreCase))
        {
            var refused = SipResponse.For(request, 489, "Bad Event: only message-summary is served");
            refused.Headers.Add("Allow-Events", EventPackage);
            transaction.SendResponse(refused);
            return;
        }

        // A refresh is sent to our Contact: its domain is the subscription's tenant's, not the Request-URI's host.
        Subscription? existing = null;
        if (request.To?.Tag is not null && !_subscriptions.TryGetValue(request.CallId!, out existing))
        {
            transaction.SendResponse(SipResponse.For(request, 481, "Subscription Does Not Exist"));
            return;
        }

        var domain = existing is not null && routing.Find(existing.TenantId) is { } tenant ? tenant.SipDomain : request.RequestUri.Host;
        var authentication = authenticator.Authenticate(request, transaction.Remote, domain);
        if (authentication.Line is not { } subscriber)
        {
            transaction.SendResponse(authentication.Refusal!);
            return;
        }

        if (existing is null && !IsOwnBox(subscriber.Line, request.RequestUri.UnescapedUser))
        {
            transaction.SendResponse(SipResponse.For(request, 403, "Forbidden: a line subscribes to its own voicemail only"));
            return;
        }

        var expiry = Expiry(request);
        if (expiry is null)
        {
            var tooBrief = SipResponse.For(request, 423, "Interval Too Brief");
            tooBrief.Headers.Add(SipHeaderNames.MinExpires, ((int)MinExpiry.TotalSeconds).ToString(CultureInfo.InvariantCulture));
            transaction.SendResponse(tooBrief);
            return;
        }

        Subscription subscription;
        if (existing is not null)
        {
            // A refresh (or an unsubscription) of the subscriber's own subscription dialog.
            if (existing.Dialog.LocalTag != request.To!.Tag || existing.LineId != subscriber.Line.LineId || existing.TenantId != subscriber.Tenant.TenantId)
            {
                transaction.SendResponse(SipResponse.For(request, 481, "Subscription Does Not Exist"));
                return;
            }

            subscription = existing;
        }
        else
        {
            if (Dialog.ForIncoming(request, transaction.Remote) is not { } dialog)
            {
                transaction.SendResponse(SipResponse.For(request, 400, "Bad Request: From, To and Contact are required"));
                return;
            }

            subscription = new Subscription(subscriber.Tenant.TenantId, subscriber.Line.LineId, VoicemailBoxes.Owner(subscriber.Tenant, subscriber.Line).LineId, dialog);
        }

        var now = time.GetUtcNow();
        subscription.ExpiresAt = now + expiry.Value;
        var ok = SipResponse.For(request, 200);
        ok.Headers.Set(SipHeaderNames.To, subscription.Dialog.LocalToHeader);
        ok.Headers.Add(SipHeaderNames.Contact, Us.ContactHeader(transaction.Remote));
        ok.Headers.Add(SipHeaderNames.Expires, ((int)expiry.Value.TotalSeconds).ToString(CultureInfo.InvariantCulture));
        transaction.SendResponse(ok);

        if (expiry.Value == TimeSpan.Zero)
        {
            _subscriptions.TryRemove(request.CallId!, out _);
        }
        else
        {
            _subscriptions[request.CallId!] = subscription;
        }

        // RFC 6665 §4.2.1.2: the current state at once, also when unsubscribing (terminated).
        SendNotify(subscription, boxes.Counts(subscription.TenantId, subscription.BoxId), subscriber.Tenant.SipDomain, now);
        LogSubscribed(logger, subscription.LineId, (int)expiry.Value.TotalSeconds);
    }

    /// <summary>Tells every phone of the box's lines its new counts; returns how many NOTIFYs were sent.</summary>
    public int Notify(VoicemailBoxChanged change)
    {
        if (routing.Find(change.TenantId) is not { } tenant)
        {
            return 0;
        }

        var counts = new BoxCounts(change.Version, change.NewMessages, change.SavedMessages);
        var now = time.GetUtcNow();
        var sent = 0;
        foreach (var line in VoicemailBoxes.LinesOf(tenant, change.BoxId))
        {
            var subscribed = new HashSet<SipEndPoint>();
            foreach (var subscription in _subscriptions.Values.Where(s => s.TenantId == change.TenantId && s.LineId == line.LineId))
            {
                if (subscription.ExpiresAt <= now)
                {
                    _subscriptions.TryRemove(subscription.Dialog.CallId, out _);
                    continue;
                }

                SendNotify(subscription, counts, tenant.SipDomain, now);
                subscribed.Add(subscription.Dialog.Destination);
                sent++;
            }

            sent += NotifyUnsolicited(tenant, line, counts, except: subscribed);
        }

        LogNotified(logger, change.BoxId, change.NewMessages, change.SavedMessages, sent);
        return sent;
    }

    private static bool IsOwnBox(RoutingLine line, string? user) =>
        user is null || user == CallRouter.VoicemailNumber || user == line.Sip?.Username || user == line.PublicNumber || user == line.ShortNumber;

    /// <summary>The subscription's duration: as asked, within one minute and one hour; zero unsubscribes; null when too brief.</summary>
    private static TimeSpan? Expiry(SipRequest request)
    {
        if (!int.TryParse(request.Headers[SipHeaderNames.Expires], NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return MaxExpiry;
        }

        return seconds == 0 ? TimeSpan.Zero
            : seconds < MinExpiry.TotalSeconds ? null
            : TimeSpan.FromSeconds(Math.Min(seconds, MaxExpiry.TotalSeconds));
    }

    private void SendNotify(Subscription subscription, BoxCounts counts, string domain, DateTimeOffset now)
    {
        var notify = subscription.Dialog.NewRequest(SipMethod.Notify, Us);
        var remaining = (int)Math.Max(0, (subscription.ExpiresAt - now).TotalSeconds);
        notify.Headers.Add(SipHeaderNames.Event, EventPackage);
        notify.Headers.Add("Subscription-State", remaining > 0 ? $"active;expires={remaining}" : "terminated;reason=timeout");
        notify.Headers.Add(SipHeaderNames.Contact, Us.ContactHeader(subscription.Dialog.Destination));
        WithBody(notify, counts, domain);
        Stack!.SendRequest(notify, subscription.Dialog.Destination, new Outcome(this, logger, subscription.LineId, subscription.Dialog.CallId));
    }

    /// <summary>Unsolicited NOTIFYs to the line's registered phones that hold no subscription (<paramref name="except"/>: where subscribers are).</summary>
    private int NotifyUnsolicited(TenantRouting tenant, RoutingLine line, BoxCounts counts, HashSet<SipEndPoint> except)
    {
        if (line.Sip is not { } sip)
        {
            return 0;
        }

        var sent = 0;
        foreach (var registration in location.Find(line.LineId).Where(r => r.TenantId == tenant.TenantId))
        {
            if (!registration.TryGetTarget(out var contactUri, out var destination) || except.Contains(destination))
            {
                continue;
            }

            var aor = $"<sip:{sip.Username}@{tenant.SipDomain}>";
            var dialog = new Dialog(SipIds.CallId(Us.Host), aor, SipIds.Tag(), aor, remoteTag: null, contactUri, destination, localCSeq: 0);
            var notify = dialog.NewRequest(SipMethod.Notify, Us);
            notify.Headers.Add(SipHeaderNames.Event, EventPackage);
            notify.Headers.Add("Subscription-State", "active");
            WithBody(notify, counts, tenant.SipDomain);
            Stack!.SendRequest(notify, destination, new Outcome(this, logger, line.LineId, SubscriptionCallId: null));
            sent++;
        }

        return sent;
    }

    /// <summary>RFC 3842 §5.2: whether messages wait, where to call for them, and the voice-message counts new/old.</summary>
    private static void WithBody(SipRequest notify, BoxCounts counts, string domain)
    {
        notify.Headers.Add(SipHeaderNames.ContentType, ContentType);
        notify.Body = Encoding.ASCII.GetBytes(string.Create(CultureInfo.InvariantCulture,
            $"Messages-Waiting: {(counts.NewMessages > 0 ? "yes" : "no")}\r\nMessage-Account: sip:{CallRouter.VoicemailNumber}@{domain}\r\nVoice-Message: {counts.NewMessages}/{counts.SavedMessages} (0/0)\r\n"));
    }

    private sealed class Subscription(Guid tenantId, Guid lineId, Guid boxId, Dialog dialog)
    {
        public Guid TenantId { get; } = tenantId;

        public Guid LineId { get; } = lineId;

        public Guid BoxId { get; } = boxId;

        public Dialog Dialog { get; } = dialog;

        public DateTimeOffset ExpiresAt { get; set; }
    }

    [LoggerMessage(EventId = 3400, Level = LogLevel.Information, Message = "Line {LineId} subscribed to its voicemail's message summary for {Seconds} s")]
    private static partial void LogSubscribed(ILogger logger, Guid lineId, int seconds);

    [LoggerMessage(EventId = 3401, Level = LogLevel.Information, Message = "Voicemail box {BoxId}: {New} new, {Saved} saved; {Count} NOTIFY sent")]
    private static partial void LogNotified(ILogger logger, Guid boxId, int @new, int saved, int count);

    [LoggerMessage(EventId = 3402, Level = LogLevel.Information, Message = "Message-summary NOTIFY to a phone of line {LineId} answered {StatusCode}")]
    private static partial void LogAnswered(ILogger logger, Guid lineId, int statusCode);

    /// <summary>A subscriber that answers 481 (or not at all) no longer has the subscription (RFC 6665 §4.1.3).</summary>
    private sealed class Outcome(MessageSummaryService owner, ILogger logger, Guid lineId, string? SubscriptionCallId) : IClientTransactionUser
    {
        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
            if (response.StatusCode >= 200)
            {
                Answered(response.StatusCode);
            }
        }

        public void OnTimeout(ClientTransaction transaction) => Answered(408);

        public void OnTransportError(ClientTransaction transaction) => Answered(503);

        private void Answered(int status)
        {
            LogAnswered(logger, lineId, status);
            if (status >= 300 && SubscriptionCallId is not null)
            {
                owner._subscriptions.TryRemove(SubscriptionCallId, out _);
            }
        }
    }
}

/// <summary>
/// Every instance consumes the change (on its own queue, like routing snapshots): it records
/// the counts and tells the phones whose subscriptions or registrations it holds.
/// </summary>
internal sealed class VoicemailBoxChangedConsumer(MessageWaiting boxes, MessageSummaryService summaries) : IConsumer<VoicemailBoxChanged>
{
    public async Task Consume(ConsumeContext<VoicemailBoxChanged> context)
    {
        if (await boxes.ApplyAsync(context.Message, context.CancellationToken))
        {
            summaries.Notify(context.Message);
        }
    }
}
