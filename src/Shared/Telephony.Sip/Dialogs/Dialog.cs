using System.Globalization;
using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Dialogs;

/// <summary>
/// A dialog (RFC 3261 §12) seen from our side: Call-ID, our tag and URI, the peer's tag and
/// URI, the peer's target (its Contact) and where to send to it. It builds the in-dialog
/// requests we originate (ACK, BYE, re-INVITE, NOTIFY).
/// </summary>
public sealed class Dialog(string callId, string localAddress, string localTag, string remoteAddress, string? remoteTag, SipUri remoteTarget, SipEndPoint destination, long localCSeq)
{
    private long _localCSeq = localCSeq;

    public string CallId { get; } = callId;

    /// <summary>Our name-addr on this side, without tag.</summary>
    public string LocalAddress { get; } = localAddress;

    public string LocalTag { get; } = localTag;

    /// <summary>The peer's name-addr, without tag.</summary>
    public string RemoteAddress { get; } = remoteAddress;

    public string? RemoteTag { get; set; } = remoteTag;

    public SipUri RemoteTarget { get; set; } = remoteTarget;

    public SipEndPoint Destination { get; } = destination;

    /// <summary>
    /// The dialog an incoming INVITE creates on our side, as its UAS (RFC 3261 §12.1.1): our
    /// URI is its To, with a fresh tag; the peer is its From; the peer's target is its Contact,
    /// reached where the INVITE came from. Null when the INVITE has no usable From or Contact.
    /// </summary>
    public static Dialog? ForIncoming(SipRequest invite, SipEndPoint remote)
    {
        if (invite.CallId is not { } callId || invite.From is not { } from || invite.Headers[SipHeaderNames.To] is not { } to
            || !NameAddress.TryParse(invite.Headers[SipHeaderNames.Contact], out var contact) || contact is null)
        {
            return null;
        }

        return new Dialog(callId, WithoutTag(to), SipIds.Tag(), WithoutTag(invite.Headers[SipHeaderNames.From]!), from.Tag, contact.Uri, remote, localCSeq: 0);
    }

    /// <summary>A From or To value without its tag parameter.</summary>
    public static string WithoutTag(string nameAddress)
    {
        var index = nameAddress.IndexOf(";tag=", StringComparison.OrdinalIgnoreCase);
        return index < 0 ? nameAddress : nameAddress[..index];
    }

    /// <summary>Our To header value in responses of this dialog: our URI with our tag.</summary>
    public string LocalToHeader => $"{LocalAddress};tag={LocalTag}";

    /// <summary>A new request in this dialog with the next local CSeq (ACK reuses the INVITE's number).</summary>
    public SipRequest NewRequest(string method, Contact us, long? cseq = null)
    {
        var number = cseq ?? Interlocked.Increment(ref _localCSeq);
        var request = new SipRequest(method, RemoteTarget);
        request.Headers.Add(SipHeaderNames.Via, us.Via(Destination, SipIds.Branch()));
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, $"{LocalAddress};tag={LocalTag}");
        request.Headers.Add(SipHeaderNames.To, RemoteTag is null ? RemoteAddress : $"{RemoteAddress};tag={RemoteTag}");
        request.Headers.Add(SipHeaderNames.CallId, CallId);
        request.Headers.Add(SipHeaderNames.CSeq, string.Create(CultureInfo.InvariantCulture, $"{number} {method}"));
        if (method is SipMethod.Invite)
        {
            request.Headers.Add(SipHeaderNames.Contact, us.ContactHeader(Destination));
        }

        return request;
    }
}

/// <summary>How a service names itself in Via and Contact (its user part: callcontrol, media...).</summary>
public sealed record Contact(string Host, int Port, string User = "callcontrol")
{
    public string Via(SipEndPoint destination, string branch) =>
        string.Create(CultureInfo.InvariantCulture, $"SIP/2.0/{destination.ViaTransport} {Host}:{Port};branch={branch};rport");

    public string ContactHeader(SipEndPoint destination) =>
        destination.IsReliable
            ? string.Create(CultureInfo.InvariantCulture, $"<sip:{User}@{Host}:{Port};transport=tcp>")
            : string.Create(CultureInfo.InvariantCulture, $"<sip:{User}@{Host}:{Port}>");
}
