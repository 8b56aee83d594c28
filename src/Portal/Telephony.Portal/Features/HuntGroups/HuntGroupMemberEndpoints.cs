using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.HuntGroups;

internal static class HuntGroupMemberEndpoints
{
    public static void MapHuntGroupMemberEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/hunt-groups/{huntGroupId:guid}/members").WithTags("Hunt group members");
        members.MapGet("", async (HuntGroupMembers m, Guid huntGroupId, CancellationToken ct) => (await m.ListAsync(huntGroupId, ct)).ToOk())
            .WithName("ListHuntGroupMembers").WithSummary("The group's members in order, each present or not (H-MEMBERS).");
        members.MapPut("", async (HuntGroupMembers m, Guid huntGroupId, HuntGroupMembersRequest body, CancellationToken ct) => (await m.SetMembersAsync(huntGroupId, body, ct)).ToOk())
            .WithName("SetHuntGroupMembers").WithSummary("Set the members (Fixed and mobile lines of any site): those kept keep their place, new ones go last, present.");
        members.MapPut("/order", async (HuntGroupMembers m, Guid huntGroupId, MembersOrderRequest body, CancellationToken ct) => (await m.ReorderAsync(huntGroupId, body, ct)).ToOk())
            .WithName("ReorderHuntGroupMembers").WithSummary("Every member's line id once, in the new order.");
        members.MapPut("/{lineId:guid}/presence", async (HuntGroupMembers m, Guid huntGroupId, Guid lineId, PresenceRequest body, CancellationToken ct) => (await m.SetPresenceAsync(huntGroupId, lineId, body, ct)).ToOk())
            .WithName("SetHuntGroupPresence").WithSummary("Whether the member takes this group's calls (L-GROUPS).");
        api.MapGet("/lines/{lineId:guid}/hunt-groups", async (HuntGroupMembers m, Guid lineId, CancellationToken ct) => (await m.GroupsOfLineAsync(lineId, ct)).ToOk())
            .WithTags("Hunt group members").WithName("ListLineHuntGroups").WithSummary("The hunt groups a line is in, with its presence in each (L-GROUPS).");
    }
}
