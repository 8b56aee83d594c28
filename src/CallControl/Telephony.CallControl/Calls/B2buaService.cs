using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using Telephony.CallControl.Registrar;
using Telephony.CallControl.Routing;
using Telephony.CallControl.Sip;
using Telephony.CallControl.Voicemail;
using Telephony.Contracts.Routing;
using Telephony.Sip.Authentication;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.CallControl.Calls;

/// <summary>
/// The back-to-back user agent for basic calls (C-B2BUA, C-ROUTE): an authenticated line's
/// INVITE is routed, every registered contact of the callee is called (first answer wins, the
/// others are cancelled), provisional and final responses and SDP are relayed, CANCEL, BYE and
/// re-INVITE cross from one side to the other. Media flows directly between the phones.
/// </summary>
public sealed partial class B2buaService(
    IMeterFactory meters,
    RequestAuthenticator authenticator,
    CallRouter router,
    RoutingTable routing,
    LocationService location,
    MediaServices media,
    IOptions<SipOptions> options,
    IOptions<TrunkOptions> trunkOptions,
    TimeProvider time,
    SipTimerOptions timers,
    ILogger<B2buaService> logger)
{
    private readonly ConcurrentDictionary<string, Call> _callsByCallId = new(StringComparer.Ordinal);
    private readonly Counter<long> _attempts = CreateMetrics(meters);

    /// <summary>Meter Telephony.CallControl: calls in progress, and call attempts (their rate is the CPS).</summary>
    private static Counter<long> CreateMetrics(IMeterFactory meters) =>
        meters.Create(CallControlMetrics.MeterName).CreateCounter<long>("telephony.callcontrol.calls.attempts", description: "INVITEs that started a call");

    /// <summary>Set once the SIP stack runs; every message of a call goes through it.</summary>
    public SipStack? Stack { get; set; }

    public int ActiveCalls => _callsByCallId.Values.Distinct().Count();

    private Contact Us => new(options.Value.AdvertisedHost, options.Value.Port);

    public void HandleInvite(ServerInviteTransaction transaction)
    {
        var request = transaction.Request;
        if (request.To?.Tag is not null)
        {
            HandleReinvite(transaction);
            return;
        }

        if (request.Headers[SipHeaderNames.Contact] is not { } contactValue || !NameAddress.TryParse(contactValue, out var callerContact))
        {
            transaction.SendResponse(SipResponse.For(request, 400, "Bad Request: missing Contact"));
            return;
        }

        var dialled = request.RequestUri.UnescapedUser ?? "";
        CallParty caller;
        RoutingDecision decision;
        if (trunkOptions.Value.IsAllowedSource(transaction.Remote.Address.Address))
        {
            // From the carrier: the tenant is the one owning the called number (C-ROUTE, tenancy in SIP).
            caller = new CallParty(null, request.From!.Uri.UnescapedUser ?? "anonymous", request.From.DisplayName ?? "");
            decision = CallRouter.ToE164(dialled) is { } called && routing.FindByPublicNumber(called) is { } owner
                ? owner.Tenant.Snapshot.Suspended
                    ? new RouteRejected(403, "Forbidden: the called company is suspended")
                    : new RouteToLine(owner.Tenant, owner.Line, Internal: false)
                : new RouteRejected(404, "Not Found: number not in service");
        }
        else
        {
            var authentication = authenticator.Authenticate(request, transaction.Remote, request.RequestUri.Host);
            if (authentication.Line is not { } authenticated)
            {
                transaction.SendResponse(authentication.Refusal!);
                return;
            }

            caller = CallParty.Of(authenticated.Tenant.TenantId, authenticated.Line);
            decision = router.Route(authenticated.Tenant, dialled, authenticated.Line);
        }

        decision = ApplyImmediateForwards(decision);

        IReadOnlyList<Registration> contacts = [];
        switch (decision)
        {
            case RouteRejected rejected:
                transaction.SendResponse(SipResponse.For(request, rejected.StatusCode, rejected.Reason));
                return;
            case RouteToTrunk when trunkOptions.Value.EndPoint is null:
                transaction.SendResponse(SipResponse.For(request, 503, "Service Unavailable: no carrier trunk is configured"));
                return;
            case RouteToTrunk when caller.Line is null:
                transaction.SendResponse(SipResponse.For(request, 403, "Forbidden: no transit through the platform"));
                return;
            case RouteToLine line:
                contacts = location.Find(line.Line.LineId);
                if (contacts.Count == 0)
                {
                    if (ForwardedToVoicemail(line, f => f.Unreachable) is { } unreachable)
                    {
                        decision = unreachable;
                        break;
                    }

                    transaction.SendResponse(SipResponse.For(request, 480, "Temporarily Unavailable: not registered"));
                    return;
                }

                break;
        }

        var callerDialog = new Dialog(
            request.CallId!,
            request.Headers[SipHeaderNames.To]!,
            SipIds.Tag(),
            Dialog.WithoutTag(request.Headers[SipHeaderNames.From]!),
            request.From!.Tag,
            callerContact!.Uri,
            transaction.Remote,
            localCSeq: 0);
        var call = new Call(SipIds.CallId(Us.Host), caller, decision, transaction, callerDialog);
        _attempts.Add(1);
        if (!_callsByCallId.TryAdd(callerDialog.CallId, call))
        {
            transaction.SendResponse(SipResponse.For(request, 482, "Loop Detected"));
            return;
        }

        var calledTenant = call.CalledTenantId ?? Guid.Empty;
        var branches = Math.Max(contacts.Count, 1);
        using var logScope = LogScope(call);
        LogCallStarted(logger, call.Id, calledTenant, branches);
        lock (call.Gate)
        {
            if (decision is RouteToTrunk trunk)
            {
                StartTrunkBranch(call, trunk);
            }
            else if (decision is RouteToVoicemail voicemail)
            {
                StartVoicemailBranch(call, voicemail);
            }
            else
            {
                foreach (var registration in contacts)
                {
                    StartBranch(call, (RouteToLine)decision, registration);
                }

                ForwardToVoicemailIfUnanswered(call, (RouteToLine)decision);
            }
        }
    }

    public void HandleCancel(ServerTransaction transaction)
    {
        var cancel = transaction.Request;
        if (!_callsByCallId.TryGetValue(cancel.CallId!, out var call) || call.CallerDialog.CallId != cancel.CallId ||
            call.InviteCSeq != cancel.CSeq?.Number)
        {
            transaction.SendResponse(SipResponse.For(cancel, 481));
            return;
        }

        transaction.SendResponse(SipResponse.For(cancel, 200));
        using var logScope = LogScope(call);
        lock (call.Gate)
        {
            if (call.State is CallState.Answered or CallState.Ended)
            {
                return;
            }

            CancelBranches(call, except: null);
            call.CallerInvite.SendResponse(ToCaller(call, SipResponse.For(call.CallerInvite.Request, 487)));
            End(call);
        }
    }

    public void HandleAck(SipRequest ack)
    {
        if (_callsByCallId.TryGetValue(ack.CallId!, out var call) && call.CallerDialog.CallId == ack.CallId)
        {
            using var logScope = LogScope(call);
            lock (call.Gate)
            {
                call.CallerOkRetransmission?.Dispose();
                call.CallerOkRetransmission = null;
            }
        }
    }

    public void HandleBye(ServerTransaction transaction)
    {
        var bye = transaction.Request;
        if (!_callsByCallId.TryGetValue(bye.CallId!, out var call) || call.State != CallState.Answered)
        {
            transaction.SendResponse(SipResponse.For(bye, 481));
            return;
        }

        transaction.SendResponse(SipResponse.For(bye, 200));
        using var logScope = LogScope(call);
        lock (call.Gate)
        {
            var fromCaller = call.CallerDialog.CallId == bye.CallId;
            var other = fromCaller ? call.Answered!.Dialog : call.CallerDialog;
            Send(other.NewRequest(SipMethod.Bye, Us), other.Destination);
            LogCallEnded(logger, call.Id, fromCaller ? "caller" : "callee");
            End(call);
        }
    }

    /// <summary>
    /// An INFO inside an answered call crosses to the other side with its body (DTMF as
    /// application/dtmf-relay for a voicemail menu, digits a media service reports), and the
    /// other side's final answer comes back (RFC 6086).
    /// </summary>
    public void HandleInfo(ServerTransaction transaction)
    {
        var info = transaction.Request;
        if (!_callsByCallId.TryGetValue(info.CallId!, out var call) || call.State != CallState.Answered)
        {
            transaction.SendResponse(SipResponse.For(info, 481));
            return;
        }

        using var logScope = LogScope(call);
        lock (call.Gate)
        {
            var other = call.CallerDialog.CallId == info.CallId ? call.Answered!.Dialog : call.CallerDialog;
            var relayed = other.NewRequest(SipMethod.Info, Us);
            CopyBody(info, relayed);
            Stack!.SendRequest(relayed, other.Destination, new InfoUser(transaction));
        }
    }

    private void StartBranch(Call call, RouteToLine target, Registration registration)
    {
        if (!registration.TryGetTarget(out var contactUri, out var destination))
        {
            return;
        }

        // Internal calls show the caller's extension, others its public number (C-NUMBERS).
        var presented = target.Internal && call.Caller.Line?.ShortNumber is { } shortNumber ? shortNumber : call.Caller.Number;
        var domain = target.Tenant.SipDomain;
        Launch(call, new Dialog(
            SipIds.CallId(Us.Host),
            $"{Quoted(call.Caller.DisplayName)}<sip:{presented}@{domain}>",
            SipIds.Tag(),
            $"<sip:{target.Line.PublicNumber}@{domain}>",
            remoteTag: null,
            contactUri,
            destination,
            localCSeq: 0), toTrunk: false);
    }

    /// <summary>
    /// L-FWD to voicemail, immediate: the called line's calls go straight to its box; 123 and
    /// any other destination are left as they are. (Forwards to a number are not applied yet.)
    /// </summary>
    private static RoutingDecision ApplyImmediateForwards(RoutingDecision decision) =>
        decision is RouteToLine line && ForwardedToVoicemail(line, f => f.Immediate) is { } immediate ? immediate : decision;

    /// <summary>The voicemail deposit a line's forward leads to, when that forward is on and goes to voicemail.</summary>
    private static RouteToVoicemail? ForwardedToVoicemail(RouteToLine line, Func<RoutingForwarding, RoutingForward> forward) =>
        line.Line.Services?.Forwarding is { } forwarding && forward(forwarding) is { Enabled: true, Target: VoicemailTarget }
            ? new RouteToVoicemail(line.Tenant, line.Line, VoicemailBoxes.Owner(line.Tenant, line.Line), VoicemailAction.Deposit)
            : null;

    private const string VoicemailTarget = "Voicemail";

    /// <summary>L-FWD on no answer: after the line's rings (about 5 s each) the ringing phones are cancelled and the caller reaches the box.</summary>
    private void ForwardToVoicemailIfUnanswered(Call call, RouteToLine line)
    {
        if (line.Line.Services?.Forwarding is not { } forwarding || ForwardedToVoicemail(line, f => f.NoAnswer) is not { } noAnswer)
        {
            return;
        }

        call.NoAnswerTimer = time.CreateTimer(_ =>
        {
            using var logScope = LogScope(call);
            lock (call.Gate)
            {
                if (call.State is CallState.Answered or CallState.Ended || call.Voicemail is not null)
                {
                    return;
                }

                CancelBranches(call, except: null);
                StartVoicemailBranch(call, noAnswer);
            }
        }, null, RingDuration * Math.Clamp(forwarding.NoAnswerRings, 1, 10), Timeout.InfiniteTimeSpan);
    }

    /// <summary>L-FWD: "1 ring ≈ 5 s".</summary>
    private static readonly TimeSpan RingDuration = TimeSpan.FromSeconds(5);

    /// <summary>The caller reaches a voicemail box on the media server, the caller's SDP offered to it.</summary>
    private void StartVoicemailBranch(Call call, RouteToVoicemail voicemail)
    {
        call.Voicemail = voicemail;
        var server = media.For(voicemail.Tenant.TenantId);
        var domain = voicemail.Tenant.SipDomain;
        // The caller's full number, not an extension: the message is called back, and mailed, from anywhere.
        var identity = $"<sip:{call.Caller.Number}@{domain}>";
        Launch(call, new Dialog(
            SipIds.CallId(Us.Host),
            $"{Quoted(call.Caller.DisplayName)}{identity}",
            SipIds.Tag(),
            $"<sip:{voicemail.Called.PublicNumber}@{domain}>",
            remoteTag: null,
            media.VoicemailUri(voicemail, server),
            server,
            localCSeq: 0), toTrunk: false, identity);
        LogToVoicemail(logger, call.Id, voicemail.Action);
    }

    /// <summary>Out to the carrier with the line's public number as P-Asserted-Identity (RFC 3325).</summary>
    private void StartTrunkBranch(Call call, RouteToTrunk trunk)
    {
        var carrier = trunkOptions.Value.EndPoint!;
        var host = carrier.Address.ToString();
        var identity = $"<sip:{call.Caller.Number}@{Us.Host}>";
        Launch(call, new Dialog(
            SipIds.CallId(Us.Host),
            $"{Quoted(call.Caller.DisplayName)}{identity}",
            SipIds.Tag(),
            $"<sip:{trunk.Number}@{host}>",
            remoteTag: null,
            SipUri.TryParse($"sip:{trunk.Number}@{host}:{carrier.Port}", out var uri) ? uri! : throw new InvalidOperationException("bad trunk address"),
            new SipEndPoint(SipTransportKind.Udp, carrier),
            localCSeq: 0), toTrunk: true, identity);
    }

    private void Launch(Call call, Dialog dialog, bool toTrunk, string? assertedIdentity = null)
    {
        var invite = dialog.NewRequest(SipMethod.Invite, Us);
        var callerInvite = call.CallerInvite.Request;
        var hops = Math.Min((callerInvite.MaxForwards ?? 70) - 1, 70);
        invite.Headers.Set(SipHeaderNames.MaxForwards, hops.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (assertedIdentity is not null)
        {
            invite.Headers.Add(SipHeaderNames.PAssertedIdentity, assertedIdentity);
        }

        CopyBody(callerInvite, invite);
        var branch = new Branch(invite, dialog, toTrunk);
        call.Branches.Add(branch);
        _callsByCallId[dialog.CallId] = call;
        branch.Transaction = Stack!.SendRequest(invite, dialog.Destination, new BranchUser(this, call, branch));
    }

    /// <summary>The carrier asks us to authenticate: answer once with the trunk credentials (RFC 3261 §22.2).</summary>
    private bool RetryWithCredentials(Call call, Branch branch, SipResponse challenge)
    {
        var trunk = trunkOptions.Value;
        var header = challenge.StatusCode == 401 ? SipHeaderNames.WwwAuthenticate : SipHeaderNames.ProxyAuthenticate;
        if (!branch.ToTrunk || branch.Authenticated || trunk.Username is null || trunk.Password is null ||
            !DigestChallenge.TryParse(challenge.Headers[header], out var parsed))
        {
            return false;
        }

        branch.Authenticated = true;
        var retry = branch.Dialog.NewRequest(SipMethod.Invite, Us);
        foreach (var kept in branch.Invite.Headers.Where(h => h.Name is SipHeaderNames.MaxForwards or SipHeaderNames.PAssertedIdentity or SipHeaderNames.ContentType))
        {
            retry.Headers.Set(kept.Name, kept.Value);
        }

        retry.Body = branch.Invite.Body;
        retry.Headers.Add(challenge.StatusCode == 401 ? SipHeaderNames.Authorization : SipHeaderNames.ProxyAuthorization,
            DigestClient.Authorize(parsed!, SipMethod.Invite, retry.RequestUri.ToString(), trunk.Username, trunk.Password));
        branch.Invite = retry;
        branch.Transaction = Stack!.SendRequest(retry, branch.Dialog.Destination, new BranchUser(this, call, branch));
        return true;
    }

    private static string Quoted(string displayName) =>
        displayName.Length == 0 ? "" : $"\"{displayName.Replace("\"", "", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal)}\" ";

    private void OnBranchResponse(Call call, Branch branch, SipResponse response)
    {
        using var logScope = LogScope(call);
        lock (call.Gate)
        {
            if (response.StatusClass == 2)
            {
                OnBranchAnswered(call, branch, response);
                return;
            }

            if (call.State is CallState.Answered or CallState.Ended || branch.FinalStatus is not null)
            {
                return;
            }

            if (response.IsProvisional)
            {
                if (response.StatusCode > 100)
                {
                    branch.Provisional = true;
                    call.State = CallState.Ringing;
                    var relayed = ToCaller(call, SipResponse.For(call.CallerInvite.Request, response.StatusCode, response.ReasonPhrase));
                    CopyBody(response, relayed);
                    call.CallerInvite.SendResponse(relayed);
                }

                return;
            }

            if (response.StatusCode is 401 or 407 && RetryWithCredentials(call, branch, response))
            {
                return;
            }

            OnBranchFailed(call, branch, response.StatusCode);
        }
    }

    private void OnBranchAnswered(Call call, Branch branch, SipResponse response)
    {
        branch.Dialog.RemoteTag ??= response.To?.Tag;
        if (response.Headers[SipHeaderNames.Contact] is { } contact && NameAddress.TryParse(contact, out var target))
        {
            branch.Dialog.RemoteTarget = target!.Uri;
        }

        // Every 2xx is acknowledged end to end (RFC 3261 §13.2.2.4), retransmissions included.
        Send(branch.Dialog.NewRequest(SipMethod.Ack, Us, branch.Invite.CSeq!.Value.Number), branch.Dialog.Destination);
        if (call.Answered is not null || call.State == CallState.Ended)
        {
            if (call.Answered != branch)
            {
                Send(branch.Dialog.NewRequest(SipMethod.Bye, Us), branch.Dialog.Destination); // a second contact answered too late
            }

            return;
        }

        call.Answered = branch;
        call.State = CallState.Answered;
        CancelBranches(call, except: branch);
        var ok = ToCaller(call, SipResponse.For(call.CallerInvite.Request, 200));
        CopyBody(response, ok);
        call.CallerOk = ok;
        call.CallerInvite.SendResponse(ok);
        if (!call.CallerEndPoint.IsReliable)
        {
            RetransmitOkLater(call, timers.T1);
        }

        LogCallAnswered(logger, call.Id);
    }

    private void OnBranchFailed(Call call, Branch branch, int status)
    {
        branch.FinalStatus = status;
        if (call.Branches.Any(b => b.FinalStatus is null))
        {
            return;
        }

        var statuses = call.Branches.Select(b => b.FinalStatus!.Value).ToList();
        // RFC 3261 §16.7 step 6 in spirit: busy beats the rest, then decline, then the lowest class.
        var best = statuses.Contains(486) ? 486 : statuses.Contains(600) ? 600 : statuses.Contains(603) ? 603 : statuses.Min();
        if (best == 486 && call.Voicemail is null && call.Target is RouteToLine line && ForwardedToVoicemail(line, f => f.Busy) is { } busy)
        {
            StartVoicemailBranch(call, busy); // L-FWD on busy
            return;
        }

        call.CallerInvite.SendResponse(ToCaller(call, SipResponse.For(call.CallerInvite.Request, best)));
        End(call);
    }

    private void HandleReinvite(ServerInviteTransaction transaction)
    {
        var reinvite = transaction.Request;
        if (!_callsByCallId.TryGetValue(reinvite.CallId!, out var call) || call.State != CallState.Answered)
        {
            transaction.SendResponse(SipResponse.For(reinvite, 481));
            return;
        }

        using var logScope = LogScope(call);
        lock (call.Gate)
        {
            if (call.PendingReinvite is not null)
            {
                transaction.SendResponse(SipResponse.For(reinvite, 491)); // RFC 3261 §14.2: one at a time
                return;
            }

            var fromCaller = call.CallerDialog.CallId == reinvite.CallId;
            var other = fromCaller ? call.Answered!.Dialog : call.CallerDialog;
            var relayed = other.NewRequest(SipMethod.Invite, Us);
            CopyBody(reinvite, relayed);
            call.PendingReinvite = transaction;
            Stack!.SendRequest(relayed, other.Destination, new ReinviteUser(this, call, other, transaction, relayed));
        }
    }

    private void OnReinviteAnswered(Call call, Dialog other, ServerInviteTransaction pending, SipRequest relayed, SipResponse response)
    {
        using var logScope = LogScope(call);
        lock (call.Gate)
        {
            if (response.IsProvisional)
            {
                return;
            }

            if (response.StatusClass == 2)
            {
                Send(other.NewRequest(SipMethod.Ack, Us, relayed.CSeq!.Value.Number), other.Destination);
            }

            var answer = SipResponse.For(pending.Request, response.StatusCode, response.ReasonPhrase);
            var ownTag = pending.Request.CallId == call.CallerDialog.CallId ? call.CallerDialog.LocalTag : call.Answered!.Dialog.LocalTag;
            answer.Headers.Set(SipHeaderNames.To, Dialog.WithoutTag(pending.Request.Headers[SipHeaderNames.To]!) + ";tag=" + ownTag);
            answer.Headers.Add(SipHeaderNames.Contact, Us.ContactHeader(pending.Remote));
            CopyBody(response, answer);
            pending.SendResponse(answer);
            call.PendingReinvite = null;
        }
    }

    private void CancelBranches(Call call, Branch? except)
    {
        foreach (var branch in call.Branches.Where(b => b != except && b.FinalStatus is null))
        {
            branch.FinalStatus = 487;
            var cancel = new SipRequest(SipMethod.Cancel, branch.Invite.RequestUri);
            cancel.Headers.Add(SipHeaderNames.Via, branch.Invite.Vias[0]);
            cancel.Headers.Add(SipHeaderNames.MaxForwards, "70");
            cancel.Headers.Add(SipHeaderNames.From, branch.Invite.Headers[SipHeaderNames.From]!);
            cancel.Headers.Add(SipHeaderNames.To, branch.Invite.Headers[SipHeaderNames.To]!);
            cancel.Headers.Add(SipHeaderNames.CallId, branch.Invite.CallId!);
            cancel.Headers.Add(SipHeaderNames.CSeq, new CSeqHeader(branch.Invite.CSeq!.Value.Number, SipMethod.Cancel).ToString());
            Stack!.SendRequest(cancel, branch.Dialog.Destination, ClientTransactionUsers.Ignoring);
        }
    }

    private void RetransmitOkLater(Call call, TimeSpan interval)
    {
        var elapsed = TimeSpan.Zero;
        void Schedule(TimeSpan due)
        {
            call.CallerOkRetransmission?.Dispose();
            call.CallerOkRetransmission = time.CreateTimer(_ =>
            {
                using var logScope = LogScope(call);
                lock (call.Gate)
                {
                    if (call.CallerOkRetransmission is null || call.State != CallState.Answered)
                    {
                        return;
                    }

                    elapsed += due;
                    if (elapsed >= timers.TransactionTimeout)
                    {
                        // No ACK for 64·T1: end the call on both sides (RFC 3261 §13.3.1.4).
                        Send(call.Answered!.Dialog.NewRequest(SipMethod.Bye, Us), call.Answered.Dialog.Destination);
                        Send(call.CallerDialog.NewRequest(SipMethod.Bye, Us), call.CallerDialog.Destination);
                        End(call);
                        return;
                    }

                    Send(call.CallerOk!, call.CallerEndPoint);
                    Schedule(TimeSpan.FromTicks(Math.Min((due * 2).Ticks, timers.T2.Ticks)));
                }
            }, null, due, Timeout.InfiniteTimeSpan);
        }

        Schedule(interval);
    }

    private SipResponse ToCaller(Call call, SipResponse response)
    {
        response.Headers.Set(SipHeaderNames.To, call.CallerDialog.LocalToHeader);
        if (response.StatusCode is > 100 and < 300)
        {
            response.Headers.Add(SipHeaderNames.Contact, Us.ContactHeader(call.CallerEndPoint));
        }

        return response;
    }

    private void End(Call call)
    {
        call.State = CallState.Ended;
        call.NoAnswerTimer?.Dispose();
        call.NoAnswerTimer = null;
        call.CallerOkRetransmission?.Dispose();
        call.CallerOkRetransmission = null;
        _callsByCallId.TryRemove(new KeyValuePair<string, Call>(call.CallerDialog.CallId, call));
        foreach (var branch in call.Branches)
        {
            _callsByCallId.TryRemove(new KeyValuePair<string, Call>(branch.Dialog.CallId, call));

            // A branch still ringing may yet answer (a 200 crossing a CANCEL must be ACKed and
            // hung up); one that has its final answer has nothing more to say to the call.
            if (branch.Transaction is { State: TransactionState.Accepted or TransactionState.Completed or TransactionState.Terminated } answered)
            {
                answered.StopReporting();
            }
        }
    }

    private void Send(SipMessage message, SipEndPoint destination) => Stack!.Send(message, destination);

    private static void CopyBody(SipMessage from, SipMessage to)
    {
        if (from.Body.Length > 0 && from.ContentType is { } type)
        {
            to.Headers.Set(SipHeaderNames.ContentType, type);
            to.Body = from.Body;
        }
    }

    private static readonly Func<ILogger, string, Guid?, Guid?, IDisposable?> CallLogScope =
        LoggerMessage.DefineScope<string, Guid?, Guid?>("Call {CallRef} from tenant {CallerTenantId} to tenant {CalledTenantId}");

    /// <summary>Everything logged about a call, from requests and callbacks alike, names it and the tenants on both sides.</summary>
    private IDisposable? LogScope(Call call) => CallLogScope(logger, call.Id, call.Caller.TenantId, call.CalledTenantId);

    [LoggerMessage(EventId = 3300, Level = LogLevel.Information, Message = "Call {CallRef} to tenant {TenantId}: {Contacts} branch(es)")]
    private static partial void LogCallStarted(ILogger logger, string callRef, Guid tenantId, int contacts);

    [LoggerMessage(EventId = 3301, Level = LogLevel.Information, Message = "Call {CallRef} answered")]
    private static partial void LogCallAnswered(ILogger logger, string callRef);

    [LoggerMessage(EventId = 3303, Level = LogLevel.Information, Message = "Call {CallRef} to voicemail ({Action})")]
    private static partial void LogToVoicemail(ILogger logger, string callRef, VoicemailAction action);

    [LoggerMessage(EventId = 3302, Level = LogLevel.Information, Message = "Call {CallRef} ended by the {Side}")]
    private static partial void LogCallEnded(ILogger logger, string callRef, string side);

    private sealed class BranchUser(B2buaService owner, Call call, Branch branch) : IClientTransactionUser
    {
        public void OnResponse(ClientTransaction transaction, SipResponse response) => owner.OnBranchResponse(call, branch, response);

        public void OnTimeout(ClientTransaction transaction) => Fail(408);

        public void OnTransportError(ClientTransaction transaction) => Fail(503);

        private void Fail(int status)
        {
            using var logScope = owner.LogScope(call);
            lock (call.Gate)
            {
                if (call.State is not (CallState.Answered or CallState.Ended) && branch.FinalStatus is null)
                {
                    owner.OnBranchFailed(call, branch, status);
                }
            }
        }
    }

    /// <summary>Relays the other side's final answer to an INFO (or 408 when it gives none).</summary>
    private sealed class InfoUser(ServerTransaction pending) : IClientTransactionUser
    {
        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
            if (!response.IsProvisional)
            {
                pending.SendResponse(SipResponse.For(pending.Request, response.StatusCode, response.ReasonPhrase));
            }
        }

        public void OnTimeout(ClientTransaction transaction) => pending.SendResponse(SipResponse.For(pending.Request, 408));

        public void OnTransportError(ClientTransaction transaction) => OnTimeout(transaction);
    }

    private sealed class ReinviteUser(B2buaService owner, Call call, Dialog other, ServerInviteTransaction pending, SipRequest relayed) : IClientTransactionUser
    {
        public void OnResponse(ClientTransaction transaction, SipResponse response) => owner.OnReinviteAnswered(call, other, pending, relayed, response);

        public void OnTimeout(ClientTransaction transaction) => owner.OnReinviteAnswered(call, other, pending, relayed, SipResponse.For(relayed, 408));

        public void OnTransportError(ClientTransaction transaction) => OnTimeout(transaction);
    }
}
