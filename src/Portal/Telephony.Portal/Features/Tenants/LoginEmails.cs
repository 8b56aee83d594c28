using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Tenants;

/// <summary>A login e-mail is unique across the whole platform (A-EMAIL), whatever the role.</summary>
internal static class LoginEmails
{
    public static async Task<bool> IsTakenAsync(PortalDbContext db, string email, CancellationToken cancellationToken)
    {
        string[] filter = [TenantModelExtensions.FilterName];
        return await db.OperatorAccounts.AnyAsync(a => a.Email == email, cancellationToken)
            || await db.ManagerAccounts.IgnoreQueryFilters(filter).AnyAsync(a => a.Email == email, cancellationToken)
            || await db.Lines.IgnoreQueryFilters(filter).AnyAsync(l => l.Email == email, cancellationToken);
    }
}
