using Telephony.CallControl.Routing;
using Telephony.Contracts.Routing;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.CallControl.Calls;

public enum CallState
{
    Routing,
    Ringing,
    Answered,
    Ended,
}

/// <summary>Who calls: a line of ours (authenticated, with its tenant), or a caller from the public network through the trunk (no tenant).</summary>
public sealed record CallParty(RoutingLine? Line, string Number, string DisplayName, Guid? TenantId = null)
{
    public static CallParty Of(Guid tenantId, RoutingLine line) => new(line, line.PublicNumber, line.DisplayName, tenantId);
}

/// <summary>One outgoing attempt of a call: an INVITE to one registered contact of the callee, or to the trunk.</summary>
public sealed class Branch(SipRequest invite, Dialog dialog, bool toTrunk)
{
    public SipRequest Invite { get; set; } = invite;

    public bool ToTrunk { get; } = toTrunk;

    /// <summary>The carrier challenged us once already; a second challenge is a failure.</summary>
    public bool Authenticated { get; set; }

    public Dialog Dialog { get; } = dialog;

    public ClientTransaction? Transaction { get; set; }

    public int? FinalStatus { get; set; }

    public bool Provisional { get; set; }
}

/// <summary>
/// A call through the B2BUA: the caller's leg (A, our UAS side) and the callee's legs (B, our
/// UAC side, one branch per registered contact until one answers). Everything a call does
/// happens under its lock.
/// </summary>
public sealed class Call(string id, CallParty caller, RoutingDecision target, ServerInviteTransaction callerInvite, Dialog callerDialog)
{
    public object Gate { get; } = new();

    public string Id { get; } = id;

    public CallParty Caller { get; } = caller;

    /// <summary>A line (<see cref="RouteToLine"/>), a voicemail box (<see cref="RouteToVoicemail"/>) or the trunk (<see cref="RouteToTrunk"/>).</summary>
    public RoutingDecision Target { get; } = target;

    /// <summary>The tenant whose line is called; none for a call out through the trunk.</summary>
    public Guid? CalledTenantId => Target switch
    {
        RouteToLine to => to.Tenant.TenantId,
        RouteToVoicemail voicemail => voicemail.Tenant.TenantId,
        _ => null,
    };

    /// <summary>The voicemail box the call went to (directly, or forwarded on busy or no answer); at most once.</summary>
    public RouteToVoicemail? Voicemail { get; set; }

    /// <summary>L-FWD on no answer: fires after the called line's rings.</summary>
    public ITimer? NoAnswerTimer { get; set; }

    /// <summary>The caller's INVITE transaction; it lets go of the INVITE once answered 2xx.</summary>
    public ServerInviteTransaction CallerInvite { get; } = callerInvite;

    /// <summary>The CSeq number of the caller's INVITE, which a CANCEL must carry.</summary>
    public long? InviteCSeq { get; } = callerInvite.Request.CSeq?.Number;

    /// <summary>The caller's dialog: we are the callee there.</summary>
    public Dialog CallerDialog { get; } = callerDialog;

    public List<Branch> Branches { get; } = [];

    /// <summary>The branch that answered; its dialog is the callee's leg from then on.</summary>
    public Branch? Answered { get; set; }

    public CallState State { get; set; } = CallState.Routing;

    /// <summary>The 200 OK sent to the caller, retransmitted until its ACK (RFC 3261 §13.3.1.4).</summary>
    public SipResponse? CallerOk { get; set; }

    public ITimer? CallerOkRetransmission { get; set; }

    /// <summary>A re-INVITE relayed from one side, waiting for the other side's answer.</summary>
    public ServerInviteTransaction? PendingReinvite { get; set; }

    public SipEndPoint CallerEndPoint => CallerInvite.Remote;
}
