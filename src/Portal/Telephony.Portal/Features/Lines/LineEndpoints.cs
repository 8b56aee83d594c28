using Microsoft.AspNetCore.Http.HttpResults;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.Lines;

internal static class LineEndpoints
{
    public static void MapLineEndpoints(this RouteGroupBuilder api)
    {
        var lines = api.MapGroup("/lines").WithTags("Lines");
        lines.MapGet("", ListAsync).WithName("ListLines")
            .WithSummary("Lines, by site and plan types, searched by name, first name or number (several numbers separated by ';'), paged (O-LINES).");
        lines.MapPost("", ActivateAsync).WithName("ActivateLine")
            .WithSummary("Activate a line on a site, with the next free number of the site's zone (O-ACTIVATE).");
        lines.MapGet("/incomplete", async (FindLines find, CancellationToken ct) => TypedResults.Ok(await find.IncompleteAsync(ct))).WithName("ListIncompleteLines")
            .WithSummary("Lines whose phone model is set but whose MAC is missing (O-COMPLETE).");
        lines.MapGet("/{lineId:guid}", GetAsync).WithName("GetLine");
        api.MapGet("/company-numbers", async (FindLines find, string? search, bool? supervisable, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await find.CompanyNumbersAsync(search, supervisable ?? false, PageRequest.Of(page, pageSize), ct)))
            .WithTags("Lines").WithName("ListCompanyNumbers")
            .WithSummary("The company number picker: hunt groups, then user lines, then IVRs, searched and paged; supervisable=true keeps the lines a supervision key may watch (S-CALLERID-LIST, L-KEYS).");
        lines.MapPut("/{lineId:guid}/coordinates", async (ChangeLineCoordinates change, Guid lineId, LineIdentity body, CancellationToken ct) => (await change.ExecuteAsync(lineId, body, ct)).ToOk())
            .WithName("SetLineCoordinates")
            .WithSummary("Names (or name), e-mail and short number (L-COORD); a new e-mail resets the user's selfcare account and invites the new address (A-EMAIL).");
        lines.MapGet("/mobile-candidates", async (MobileAssociations m, CancellationToken ct) => TypedResults.Ok(await m.CandidatesAsync(ct)))
            .WithName("ListMobileCandidates").WithSummary("The company's mobile lines, with the line each is associated with (L-MOBILE).");
        lines.MapGet("/{lineId:guid}/mobile", async (MobileAssociations m, Guid lineId, CancellationToken ct) => (await m.GetAsync(lineId, ct)).ToOk())
            .WithName("GetMobileAssociation");
        lines.MapPut("/{lineId:guid}/mobile", async (MobileAssociations m, Guid lineId, MobileAssociationRequest body, CancellationToken ct) => (await m.AssociateAsync(lineId, body, ct)).ToOk())
            .WithName("AssociateMobile").WithSummary("Associate a mobile line of the company: pending until the mobile network applies it (L-MOBILE).");
        lines.MapDelete("/{lineId:guid}/mobile", async (MobileAssociations m, Guid lineId, CancellationToken ct) => (await m.DissociateAsync(lineId, ct)).ToOk())
            .WithName("DissociateMobile").WithSummary("End the association, or cancel it while pending.");
        lines.MapGet("/{lineId:guid}/sim", async (LineSim sim, Guid lineId, CancellationToken ct) => (await sim.GetAsync(lineId, ct)).ToOk())
            .WithName("GetLineSim").WithSummary("A mobile line's SIM card: MSISDN, ICCID, PIN and PUK (L-HW).");
        lines.MapPut("/{lineId:guid}/sim", async (LineSim sim, Guid lineId, SimRequest body, CancellationToken ct) => (await sim.SetAsync(lineId, body, ct)).ToOk())
            .WithName("SetLineSim").WithSummary("Set a mobile line's SIM card: ICCID (19-20 digits, Luhn), PIN, PUK.");
        lines.MapDelete("/{lineId:guid}/sim", async (LineSim sim, Guid lineId, CancellationToken ct) => (await sim.RemoveAsync(lineId, ct)).ToOk())
            .WithName("RemoveLineSim");
        lines.MapPut("/{lineId:guid}/hardware", async (LineHardware hardware, Guid lineId, HardwareRequest body, CancellationToken ct) => (await hardware.SetAsync(lineId, body, ct)).ToOk())
            .WithName("SetLineHardware").WithSummary("Set or change the line's phone model and MAC (L-HW).");
        lines.MapDelete("/{lineId:guid}/hardware", async (LineHardware hardware, Guid lineId, CancellationToken ct) => (await hardware.RemoveAsync(lineId, ct)).ToOk())
            .WithName("RemoveLineHardware").WithSummary("Remove the line's phone: it is un-provisioned and can be factory reset.");
        lines.MapGet("/{lineId:guid}/references", async (DeleteLine delete, Guid lineId, CancellationToken ct) => (await delete.ReferencesAsync(lineId, ct)).ToOk())
            .WithName("ListLineReferences").WithSummary("What deleting the line changes: the supervision keys and groups that point at it (O-DELETE).");
        lines.MapDelete("/{lineId:guid}", DeleteAsync).WithName("DeleteLine")
            .WithSummary("Delete a line: its plan is freed and its number returns to the pool after a quarantine (O-DELETE).");
    }

    private static async Task<Ok<Page<LineListItem>>> ListAsync(FindLines find, string? search, LineKind[]? kind, Guid? siteId, int? page, int? pageSize, CancellationToken cancellationToken) =>
        TypedResults.Ok(await find.ExecuteAsync(new LineQuery(search, kind, siteId), PageRequest.Of(page, pageSize), cancellationToken));

    private static async Task<Results<Created<LineDetail>, ProblemHttpResult>> ActivateAsync(ActivateLine activate, FindLines find, ActivateLineRequest request, CancellationToken cancellationToken)
    {
        var line = await activate.ExecuteAsync(request, cancellationToken);
        if (!line.Succeeded)
        {
            return line.Error!.ToProblem();
        }

        return (await find.GetAsync(line.Value!.Id, cancellationToken)).ToCreated(l => $"/api/v1/lines/{l.Id}");
    }

    private static async Task<Results<Ok<LineDetail>, ProblemHttpResult>> GetAsync(FindLines find, Guid lineId, CancellationToken cancellationToken) =>
        (await find.GetAsync(lineId, cancellationToken)).ToOk();

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(DeleteLine delete, Guid lineId, CancellationToken cancellationToken) =>
        (await delete.ExecuteAsync(lineId, cancellationToken)).ToNoContent();
}
