using Microsoft.AspNetCore.Http.HttpResults;
using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.Devices;

internal static class PhoneModelEndpoints
{
    /// <summary>Managers read the catalogue to choose a line's phone.</summary>
    public static void MapPhoneModelCatalogue(this RouteGroupBuilder companyApi) =>
        companyApi.MapGet("/phone-models", async (PhoneModels models, CancellationToken ct) => TypedResults.Ok(await models.ListAsync(ct)))
            .WithTags("Phone models").WithName("ListPhoneModels").WithSummary("The phone model catalogue (L-HW).");

    public static void MapPhoneModelEndpoints(this RouteGroupBuilder operatorApi)
    {
        var models = operatorApi.MapGroup("/phone-models").WithTags("Operator: phone models");
        models.MapGet("", async (PhoneModels m, CancellationToken ct) => TypedResults.Ok(await m.ListAsync(ct))).WithName("OperatorListPhoneModels");
        models.MapPost("", CreateAsync).WithName("CreatePhoneModel").WithSummary("Add a model: vendor, model, kind, programmable keys, simultaneous calls (T-OPERATOR).");
        models.MapPut("/{modelId:guid}", async (PhoneModels m, Guid modelId, PhoneModelRequest body, CancellationToken ct) => (await m.ChangeAsync(modelId, body, ct)).ToOk())
            .WithName("ChangePhoneModel");
        models.MapDelete("/{modelId:guid}", async (PhoneModels m, Guid modelId, CancellationToken ct) => (await m.DeleteAsync(modelId, ct)).ToNoContent())
            .WithName("DeletePhoneModel").WithSummary("Remove a model no line uses.");
    }

    private static async Task<Results<Created<PhoneModelItem>, ProblemHttpResult>> CreateAsync(PhoneModels models, PhoneModelRequest body, CancellationToken cancellationToken) =>
        (await models.CreateAsync(body, cancellationToken)).ToCreated(m => $"/api/v1/operator/phone-models/{m.Id}");
}
