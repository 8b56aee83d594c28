using Telephony.MediaServer.Voicemail;
using Telephony.Sip.Messages;

namespace Telephony.MediaServer.Sip;

/// <summary>Who is leaving a message, from the INVITE CallControl sends us.</summary>
internal static class VoicemailCallers
{
    /// <summary>
    /// The caller of <paramref name="invite"/>: the P-Asserted-Identity (RFC 3325, set by
    /// CallControl for its callers) else the From, its user part and display name. Withheld
    /// (Privacy: id or user, RFC 3323 §4.2, or an "anonymous" user) gives no number and no name.
    /// </summary>
    public static VoicemailCaller Of(SipRequest invite)
    {
        var privacy = invite.Headers["Privacy"]?.Split(';', StringSplitOptions.TrimEntries) ?? [];
        if (privacy.Any(p => p.Equals("id", StringComparison.OrdinalIgnoreCase) || p.Equals("user", StringComparison.OrdinalIgnoreCase)))
        {
            return VoicemailCaller.Anonymous;
        }

        var identity = NameAddress.TryParse(invite.Headers[SipHeaderNames.PAssertedIdentity], out var asserted) ? asserted : invite.From;
        var number = identity?.Uri.UnescapedUser;
        if (identity is null || string.IsNullOrWhiteSpace(number) || number.Equals("anonymous", StringComparison.OrdinalIgnoreCase))
        {
            return VoicemailCaller.Anonymous;
        }

        var name = identity.DisplayName?.Trim('"', ' ');
        return new VoicemailCaller(number, string.IsNullOrWhiteSpace(name) || name.Equals("anonymous", StringComparison.OrdinalIgnoreCase) ? null : name);
    }
}
