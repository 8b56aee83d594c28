using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.Lines;

/// <summary>The mobile network's side of L-MOBILE: it reads the associations to apply and confirms each once applied.</summary>
internal static class MobileAssociationEndpoints
{
    public static void MapMobileAssociationEndpoints(this RouteGroupBuilder operatorApi)
    {
        var associations = operatorApi.MapGroup("/mobile-associations").WithTags("Operator: mobile associations");
        associations.MapGet("", async (MobileAssociations m, CancellationToken ct) => TypedResults.Ok(await m.PendingAcrossCompaniesAsync(ct)))
            .WithName("ListPendingMobileAssociations").WithSummary("Associations of a mobile with a fixed line that the mobile network has still to apply, oldest first (L-MOBILE).");
        associations.MapPost("/{tenantId:guid}/{lineId:guid}/confirm", async (MobileAssociations m, Guid tenantId, Guid lineId, CancellationToken ct) => (await m.ConfirmAsync(tenantId, lineId, ct)).ToOk())
            .WithName("ConfirmMobileAssociation").WithSummary("The mobile network has applied the association: calls to the fixed number now reach the mobile.");
    }
}
