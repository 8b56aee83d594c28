using Microsoft.AspNetCore.Http.HttpResults;

namespace Telephony.Portal.Features.Offer;

internal static class OfferEndpoints
{
    public static void MapOfferEndpoints(this RouteGroupBuilder api) =>
        api.MapGet("/offer", async (GetOfferSummary offer, CancellationToken cancellationToken) => TypedResults.Ok(await offer.ExecuteAsync(cancellationToken)))
            .WithTags("Offer").WithName("GetOffer").WithSummary("Plans bought, assigned and available, and the lines (O-OFFER).");
}
