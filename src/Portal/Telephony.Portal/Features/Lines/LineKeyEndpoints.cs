using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.Lines;

/// <summary>L-KEYS: a line's programmable keys, numbered 1..n in phone order (supervision keys first).</summary>
internal static class LineKeyEndpoints
{
    public static void MapLineKeyEndpoints(this RouteGroupBuilder api)
    {
        var keys = api.MapGroup("/lines/{lineId:guid}/keys").WithTags("Programmable keys");
        keys.MapGet("", async (LineKeys lineKeys, Guid lineId, CancellationToken ct) => (await lineKeys.GetAsync(lineId, ct)).ToOk())
            .WithName("GetLineKeys").WithSummary("The phone's keys, used and available (L-KEYS, L-HW).");
        keys.MapPut("", async (LineKeys lineKeys, Guid lineId, KeysRequest body, CancellationToken ct) => (await lineKeys.ChangeAsync(lineId, body, ct)).ToOk())
            .WithName("SetLineKeys").WithSummary("Replace every key; supervision keys are put first, an empty list resets them (L-KEYS).");
        keys.MapPost("", async (LineKeys lineKeys, Guid lineId, ProgrammableKey body, CancellationToken ct) => (await lineKeys.AddAsync(lineId, body, ct)).ToOk())
            .WithName("AddLineKey").WithSummary("Add a key at the end of its category.");
        keys.MapPut("/order", async (LineKeys lineKeys, Guid lineId, KeysOrderRequest body, CancellationToken ct) => (await lineKeys.ReorderAsync(lineId, body, ct)).ToOk())
            .WithName("ReorderLineKeys").WithSummary("Reorder the keys: every current position once, in the new order; a key stays within its category.");
        keys.MapDelete("/{position:int}", async (LineKeys lineKeys, Guid lineId, int position, CancellationToken ct) => (await lineKeys.RemoveAsync(lineId, position, ct)).ToOk())
            .WithName("RemoveLineKey").WithSummary("Delete one key; the keys after it are renumbered.");
    }
}
