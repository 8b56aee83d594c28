using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.SignIn;

/// <summary>
/// "Forgot your password?": mails a reset link when the login exists. The answer is the same
/// either way (nobody learns which e-mails have accounts), and a login gets at most one link
/// every two minutes, so the form cannot flood a mailbox.
/// </summary>
public sealed class RequestPasswordReset(PortalDbContext db, AccountMail mail, TimeProvider time)
{
    private static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(2);

    public async Task ExecuteAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email) || email.Length > 254)
        {
            return;
        }

        var account = await PortalAccounts.FindByLoginAsync(db, email.Trim().ToLowerInvariant(), cancellationToken);
        if (account is null)
        {
            return;
        }

        var since = time.GetUtcNow().UtcDateTime - MinimumInterval;
        if (await db.AccountTokens.AnyAsync(t => t.AccountId == account.Id && t.Purpose == AccountTokenPurpose.PasswordReset && t.CreatedAt > since, cancellationToken))
        {
            return;
        }

        mail.StagePasswordReset(account);
        await db.SaveChangesAsync(cancellationToken);
    }
}
