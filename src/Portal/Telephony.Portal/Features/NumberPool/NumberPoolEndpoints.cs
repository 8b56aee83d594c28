using Microsoft.AspNetCore.Http.HttpResults;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.NumberPool;

internal static class NumberPoolEndpoints
{
    public static void MapNumberPoolEndpoints(this RouteGroupBuilder operatorApi)
    {
        var pool = operatorApi.MapGroup("/number-pool").WithTags("Operator: number pool");
        pool.MapGet("/zones", async (NumberPool numbers, CancellationToken cancellationToken) => TypedResults.Ok(await numbers.ZonesAsync(cancellationToken)))
            .WithName("ListNumberZones").WithSummary("Free, assigned and quarantined numbers per zone.");
        pool.MapGet("", async (NumberPool numbers, NumberZone? zone, PoolNumberState? state, int? page, int? pageSize, CancellationToken cancellationToken) =>
            TypedResults.Ok(await numbers.ListAsync(zone, state, PageRequest.Of(page, pageSize), cancellationToken))).WithName("ListPoolNumbers");
        pool.MapPost("", async (NumberPool numbers, AddPoolNumbersRequest request, CancellationToken cancellationToken) =>
            (await numbers.AddAsync(request, cancellationToken)).ToOk()).WithName("AddPoolNumbers")
            .WithSummary("Add numbers to the pool: a list, or a block from a first number.");
        pool.MapDelete("/{number}", async (NumberPool numbers, string number, CancellationToken cancellationToken) =>
            (await numbers.RemoveAsync(number, cancellationToken)).ToNoContent()).WithName("RemovePoolNumber");
    }
}
