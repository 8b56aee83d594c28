using Microsoft.AspNetCore.Http.HttpResults;
using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.ApiKeys;

internal static class ApiKeyEndpoints
{
    /// <summary>The same routes serve a company's keys (manager group) and the platform's (operator group).</summary>
    public static void MapApiKeyEndpoints(this RouteGroupBuilder api, string namePrefix)
    {
        var keys = api.MapGroup("/api-keys").WithTags(namePrefix + "API keys");
        keys.MapGet("", async (ApiKeys apiKeys, CancellationToken cancellationToken) => TypedResults.Ok(await apiKeys.ListAsync(cancellationToken)))
            .WithName(namePrefix + "ListApiKeys");
        keys.MapPost("", IssueAsync).WithName(namePrefix + "IssueApiKey").WithSummary("Issue an API key; its token is in this answer only.");
        keys.MapDelete("/{keyId:guid}", async (ApiKeys apiKeys, Guid keyId, CancellationToken cancellationToken) => (await apiKeys.RevokeAsync(keyId, cancellationToken)).ToNoContent())
            .WithName(namePrefix + "RevokeApiKey");
    }

    private static async Task<Results<Created<IssuedApiKey>, ProblemHttpResult>> IssueAsync(ApiKeys apiKeys, IssueApiKeyRequest request, HttpContext context, CancellationToken cancellationToken) =>
        (await apiKeys.IssueAsync(request, cancellationToken)).ToCreated(k => $"{context.Request.Path}/{k.Id}");
}
