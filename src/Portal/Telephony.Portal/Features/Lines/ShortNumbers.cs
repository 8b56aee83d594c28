using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.Lines;

/// <summary>O-PRIVNUM: a short number dials one thing in the company — a line, a hunt group, an IVR or a directory contact.</summary>
internal static class ShortNumbers
{
    public static async Task<bool> IsTakenAsync(PortalDbContext db, string shortNumber, CancellationToken cancellationToken, Guid? exceptLineId = null, Guid? exceptContactId = null) =>
        await db.Lines.AnyAsync(l => l.ShortNumber == shortNumber && l.Id != exceptLineId, cancellationToken) ||
        await db.DirectoryContacts.AnyAsync(c => c.ShortNumber == shortNumber && c.Id != exceptContactId, cancellationToken);
}
