using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Features.Tenants;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.Lines;

/// <summary>The line after the change; <see cref="EmailChanged"/> asks the page to warn the manager (A-EMAIL).</summary>
public sealed record LineCoordinatesChanged(LineDetail Line, bool EmailChanged);

/// <summary>
/// L-COORD (manager): names, e-mail and short number of a line. A new e-mail is a new person
/// (A-EMAIL): the previous selfcare account goes, with its pending links, and the new address
/// gets an invitation; the manager is told the previous user's settings may need resetting.
/// </summary>
public sealed class ChangeLineCoordinates(PortalDbContext db, AccountMail mail, TimeProvider time)
{
    public async Task<Result<LineCoordinatesChanged>> ExecuteAsync(Guid lineId, LineIdentity request, CancellationToken cancellationToken)
    {
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        // Everything is checked before the line changes, so a refused change leaves nothing behind.
        if (new LineCoordinatesRules(line.Kind).Check(request) is { } invalid)
        {
            return invalid;
        }

        var shortNumber = string.IsNullOrWhiteSpace(request.ShortNumber) ? null : request.ShortNumber.Trim();
        if (shortNumber is not null && await ShortNumbers.IsTakenAsync(db, shortNumber, cancellationToken, exceptLineId: line.Id))
        {
            return Error.Conflict("line.short-number-taken", $"Short number {shortNumber} is already used in your company.", nameof(LineIdentity.ShortNumber));
        }

        var email = line.Kind.IsUserLine() ? request.Email!.Trim().ToLowerInvariant() : null;
        var emailChanged = email != line.Email;
        if (emailChanged && await LoginEmails.IsTakenAsync(db, email!, cancellationToken))
        {
            return Error.Conflict("line.email-taken", "This e-mail address is already used by another account.", nameof(LineIdentity.Email));
        }

        if (line.ChangeCoordinates(request) is { } error)
        {
            return error;
        }
        if (emailChanged)
        {
            var previous = await db.UserAccounts.Where(a => a.LineId == line.Id).ToListAsync(cancellationToken);
            var previousIds = previous.Select(a => a.Id).ToList();
            db.AccountTokens.RemoveRange(await db.AccountTokens.Where(t => previousIds.Contains(t.AccountId)).ToListAsync(cancellationToken));
            db.UserAccounts.RemoveRange(previous);
            var user = UserAccount.Create(line.TenantId, line.Id, line.Email!, time.GetUtcNow().UtcDateTime);
            db.UserAccounts.Add(user);
            mail.StageInvitation(user, await db.Tenants.Where(t => t.Id == line.TenantId).Select(t => t.CompanyName).SingleAsync(cancellationToken));
        }

        await db.SaveChangesAsync(cancellationToken);
        return new LineCoordinatesChanged((await new FindLines(db).GetAsync(line.Id, cancellationToken)).Value!, emailChanged);
    }
}
