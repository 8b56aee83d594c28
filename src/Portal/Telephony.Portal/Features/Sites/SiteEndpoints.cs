using Microsoft.AspNetCore.Http.HttpResults;
using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.Sites;

internal static class SiteEndpoints
{
    public static void MapSiteEndpoints(this RouteGroupBuilder api)
    {
        var sites = api.MapGroup("/sites").WithTags("Sites");
        sites.MapGet("", ListAsync).WithName("ListSites").WithSummary("Sites with their line counts, searchable by name or address (O-LINES).");
        sites.MapPost("", CreateAsync).WithName("CreateSite").WithSummary("Create a site; its postcode fixes the numbering zone (O-SITE).");
        sites.MapGet("/{siteId:guid}", GetAsync).WithName("GetSite");
        sites.MapPatch("/{siteId:guid}", RenameAsync).WithName("RenameSite").WithSummary("Rename a site: only the name of a site can change.");
        sites.MapDelete("/{siteId:guid}", DeleteAsync).WithName("DeleteSite").WithSummary("Delete a site that has nothing attached.");
    }

    private static async Task<Ok<Page<SiteSummary>>> ListAsync(ListSites sites, string? search, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await sites.ExecuteAsync(search, PageRequest.Of(page, pageSize), cancellationToken));

    private static async Task<Results<Created<SiteSummary>, ProblemHttpResult>> CreateAsync(CreateSite create, CreateSiteRequest request, CancellationToken cancellationToken) =>
        (await create.ExecuteAsync(request, cancellationToken)).ToCreated(s => $"/api/v1/sites/{s.Id}");

    private static async Task<Results<Ok<SiteSummary>, ProblemHttpResult>> GetAsync(ListSites sites, Guid siteId, CancellationToken cancellationToken) =>
        (await sites.GetAsync(siteId, cancellationToken)).ToOk();

    private static async Task<Results<Ok<SiteSummary>, ProblemHttpResult>> RenameAsync(ChangeSite change, Guid siteId, RenameSiteRequest request, CancellationToken cancellationToken) =>
        (await change.RenameAsync(siteId, request, cancellationToken)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(ChangeSite change, Guid siteId, CancellationToken cancellationToken) =>
        (await change.DeleteAsync(siteId, cancellationToken)).ToNoContent();
}
