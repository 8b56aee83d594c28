using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.Audit;

internal static class AuditEndpoints
{
    private const string Filters = "Newest first. Filters: objectType (Line, Site, Calendar, ApiKey…), objectId, from (inclusive) and to (exclusive) as ISO 8601 instants.";

    public static void MapAuditEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/audit", async (AuditLog log, string? objectType, string? objectId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken cancellationToken) =>
                (await log.ForCompanyAsync(new AuditQuery(objectType, objectId, from?.UtcDateTime, to?.UtcDateTime), PageRequest.Of(page, pageSize), cancellationToken)).ToOk())
            .WithTags("Audit").WithName("ListAuditEntries")
            .WithSummary("The company's configuration changes: who, when, what, before and after (A-AUDIT).")
            .WithDescription(Filters);

    public static void MapOperatorAuditEndpoints(this RouteGroupBuilder operatorApi) =>
        operatorApi.MapGet("/audit", async (AuditLog log, Guid? tenantId, string? objectType, string? objectId, DateTimeOffset? from, DateTimeOffset? to, int? page, int? pageSize, CancellationToken cancellationToken) =>
                (await log.AcrossCompaniesAsync(new AuditQuery(objectType, objectId, from?.UtcDateTime, to?.UtcDateTime, tenantId), PageRequest.Of(page, pageSize), cancellationToken)).ToOk())
            .WithTags("Operator: audit").WithName("ListPlatformAuditEntries")
            .WithSummary("Every configuration change on the platform: companies' and the platform's own (phone models, number pool, companies).")
            .WithDescription(Filters + " tenantId narrows to one company's records and the platform records concerning it.");
}
