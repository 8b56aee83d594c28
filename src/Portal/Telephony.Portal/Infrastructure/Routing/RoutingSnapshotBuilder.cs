using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Routing;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Infrastructure.Routing;

/// <summary>Builds a tenant's complete routing snapshot from the configuration database.</summary>
internal static class RoutingSnapshotBuilder
{
    public static async Task<TenantRoutingChanged> BuildAsync(PortalDbContext db, Guid tenantId, long version, DateTime now, CancellationToken cancellationToken)
    {
        var tenant = await db.Tenants.AsNoTracking().SingleAsync(t => t.Id == tenantId, cancellationToken);

        // Explicitly scoped to tenantId rather than to the ambient tenant: an operator action
        // (which has no ambient tenant) also stages snapshots.
        var lines = await db.Lines.IgnoreQueryFilters([TenantModelExtensions.FilterName])
            .AsNoTracking()
            .Where(l => l.TenantId == tenantId)
            .OrderBy(l => l.PublicNumber)
            .ToListAsync(cancellationToken);

        var calendars = await db.Calendars.IgnoreQueryFilters([TenantModelExtensions.FilterName])
            .AsNoTracking()
            .Where(c => c.TenantId == tenantId)
            .OrderBy(c => c.Name)
            .ToListAsync(cancellationToken);

        var members = (await db.HuntGroupMembers.IgnoreQueryFilters([TenantModelExtensions.FilterName])
                .AsNoTracking()
                .Where(m => m.TenantId == tenantId)
                .ToListAsync(cancellationToken))
            .OrderBy(m => m.Position)
            .ToLookup(m => m.HuntGroupId);

        var speedDials = await db.DirectoryContacts.IgnoreQueryFilters([TenantModelExtensions.FilterName])
            .AsNoTracking()
            .Where(c => c.TenantId == tenantId && c.ShortNumber != null)
            .OrderBy(c => c.ShortNumber)
            .Select(c => new RoutingSpeedDial(c.ShortNumber!, c.Number))
            .ToListAsync(cancellationToken);

        var readyAnnouncements = (await db.Announcements.IgnoreQueryFilters([TenantModelExtensions.FilterName])
            .AsNoTracking()
            .Where(a => a.TenantId == tenantId && a.State == Domain.Announcements.AnnouncementState.Ready)
            .Select(a => a.Id)
            .ToListAsync(cancellationToken)).ToHashSet();

        return new TenantRoutingChanged
        {
            TenantId = tenantId,
            MessageId = Guid.NewGuid(),
            Version = version,
            CompanyName = tenant.CompanyName,
            Suspended = tenant.Status == Domain.Tenants.TenantStatus.Suspended,
            SipDomain = tenant.SipDomain,
            TimeZone = tenant.TimeZone,
            Language = tenant.Language,
            Lines = lines.Select(l => new RoutingLine
            {
                LineId = l.Id,
                Kind = l.Kind.ToString(),
                PublicNumber = l.PublicNumber,
                ShortNumber = l.ShortNumber,
                DisplayName = l.DisplayName,
                Sip = l.SipUsername is null || l.SipPassword is null ? null : Credentials(l.SipUsername, tenant.SipDomain, l.SipPassword),
                Services = l.ToRouting(readyAnnouncements),
                PickupGroupId = l.PickupGroupId,
                AssociatedMobileLineId = l.MobileAssociation == MobileAssociationState.Active ? l.MobileLineId : null,
                Members = l.Kind == LineKind.HuntGroup ? members[l.Id].Select(m => new RoutingHuntGroupMember(m.LineId, m.Present)).ToList() : null,
            }).ToList(),
            Calendars = calendars.Select(c => new RoutingCalendar(
                c.Id,
                c.Name,
                c.OpeningHours.Select(h => new RoutingOpeningHours(h.Days.Select(d => d.ToString()).ToList(), h.Start, h.End, h.AfternoonStart, h.AfternoonEnd)).ToList(),
                c.Closures.Select(p => new RoutingClosure(p.FirstDay, p.LastDay)).ToList())).ToList(),
            SpeedDials = speedDials,
            OccurredAt = now,
        };
    }

    /// <summary>HA1 = H(username ":" realm ":" password), RFC 7616 §3.4.2.</summary>
    internal static SipCredentials Credentials(string username, string realm, string password)
    {
        var a1 = Encoding.UTF8.GetBytes($"{username}:{realm}:{password}");
#pragma warning disable CA5351 // MD5 is what RFC 2617/7616 digest "MD5" requires; SHA-256 is offered too.
        var md5 = Convert.ToHexStringLower(MD5.HashData(a1));
#pragma warning restore CA5351
        return new SipCredentials
        {
            Username = username,
            Ha1Md5 = md5,
            Ha1Sha256 = Convert.ToHexStringLower(SHA256.HashData(a1)),
        };
    }
}
