using Microsoft.Extensions.Options;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Infrastructure.Mail;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.SignIn;

/// <summary>
/// A-ROLES mail: the invitation (first sign-in) and the password reset, each a one-time link
/// to set a password. Staged in the caller's unit of work, so the account and its invitation
/// are saved together, and sent by the mail dispatcher.
/// </summary>
public sealed class AccountMail(PortalDbContext db, TimeProvider time, IOptions<PortalOptions> options)
{
    public void StageInvitation(PortalAccount account, string companyName) =>
        StageInvitationWith(account, $"An account on the {companyName} phone portal was opened for you.");

    /// <summary>The platform operator's invitation (T-OPERATOR): no company to name.</summary>
    public void StageOperatorInvitation(OperatorAccount account) =>
        StageInvitationWith(account, "An operator account on the phone platform's portal was opened for you: companies, number pools and the phone catalogue.");

    private void StageInvitationWith(PortalAccount account, string opening)
    {
        var link = StageToken(account, AccountTokenPurpose.Invitation);
        Stage(account, "Your phone portal account: set your password", $"""
            Hello,

            {opening} You sign in with this e-mail address ({account.Email}).

            Choose your password here (the link works once, for {AccountToken.InvitationLifetime.TotalDays:0} days):
            {link}

            If you did not expect this message, you can ignore it.
            """);
    }

    public void StagePasswordReset(PortalAccount account)
    {
        var link = StageToken(account, AccountTokenPurpose.PasswordReset);
        Stage(account, "Reset your phone portal password", $"""
            Hello,

            Someone asked to reset the password of {account.Email} on the phone portal.

            Choose a new password here (the link works once, for {AccountToken.ResetLifetime.TotalMinutes:0} minutes):
            {link}

            If you did not ask for it, ignore this message: your password stays as it is.
            """);
    }

    private string StageToken(PortalAccount account, AccountTokenPurpose purpose)
    {
        var (token, secret) = AccountToken.Issue(account, purpose, time.GetUtcNow().UtcDateTime);
        db.AccountTokens.Add(token);
        return $"{options.Value.PublicUrl.TrimEnd('/')}/set-password?token={secret}";
    }

    private void Stage(PortalAccount account, string subject, string body) =>
        db.OutgoingMails.Add(OutgoingMail.Create(account.CompanyId, account.Email, subject, body.ReplaceLineEndings("\r\n"), time.GetUtcNow().UtcDateTime));
}
