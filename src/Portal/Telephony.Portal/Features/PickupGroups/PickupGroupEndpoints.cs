using Microsoft.AspNetCore.Http.HttpResults;
using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.PickupGroups;

internal static class PickupGroupEndpoints
{
    public static void MapPickupGroupEndpoints(this RouteGroupBuilder api)
    {
        var groups = api.MapGroup("/pickup-groups").WithTags("Pickup groups");
        groups.MapGet("", async (PickupGroups g, CancellationToken ct) => TypedResults.Ok(await g.ListAsync(ct))).WithName("ListPickupGroups");
        groups.MapPost("", CreateAsync).WithName("CreatePickupGroup")
            .WithSummary("Create a pickup group: name, site, members among the site's Fixed lines, each in one group at most (S-PICKUP).");
        groups.MapGet("/candidates", async (PickupGroups g, Guid siteId, CancellationToken ct) => (await g.CandidatesAsync(siteId, ct)).ToOk())
            .WithName("ListPickupCandidates").WithSummary("The site's Fixed lines, with the pickup group each is in now.");
        groups.MapGet("/{groupId:guid}", async (PickupGroups g, Guid groupId, CancellationToken ct) => (await g.GetAsync(groupId, ct)).ToOk()).WithName("GetPickupGroup");
        groups.MapPut("/{groupId:guid}", async (PickupGroups g, Guid groupId, ChangePickupGroupRequest body, CancellationToken ct) => (await g.ChangeAsync(groupId, body, ct)).ToOk())
            .WithName("ChangePickupGroup").WithSummary("Rename the group and set its members (the site stays).");
        groups.MapDelete("/{groupId:guid}", async (PickupGroups g, Guid groupId, CancellationToken ct) => (await g.DeleteAsync(groupId, ct)).ToNoContent())
            .WithName("DeletePickupGroup");
    }

    private static async Task<Results<Created<PickupGroupView>, ProblemHttpResult>> CreateAsync(PickupGroups groups, CreatePickupGroupRequest body, CancellationToken cancellationToken) =>
        (await groups.CreateAsync(body, cancellationToken)).ToCreated(g => $"/api/v1/pickup-groups/{g.Id}");
}
