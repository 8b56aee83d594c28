using Microsoft.AspNetCore.Http.HttpResults;
using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.Contacts;

internal static class DirectoryEndpoints
{
    public static void MapDirectoryEndpoints(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/directory/contacts").WithTags("Company directory");
        contacts.MapGet("", async (CompanyDirectory directory, string? search, int? page, int? pageSize, CancellationToken ct) =>
                TypedResults.Ok(await directory.ListAsync(search, PageRequest.Of(page, pageSize), ct)))
            .WithName("ListDirectoryContacts").WithSummary("External contacts of the company, searched by name or number, paged (O-PRIVNUM).");
        contacts.MapPost("", CreateAsync).WithName("CreateDirectoryContact")
            .WithSummary("Add a contact: name, number, optional short number (speed dial); at most 500.");
        contacts.MapGet("/export", async (CompanyDirectory directory, CancellationToken ct) =>
                TypedResults.Text(await directory.ExportCsvAsync(ct), "text/csv; charset=utf-8"))
            .WithName("ExportDirectoryContacts").WithSummary("The directory as CSV: Name,Number,ShortNumber.");
        contacts.MapPost("/import", async (CompanyDirectory directory, ImportContactsRequest body, CancellationToken ct) => (await directory.ImportCsvAsync(body, ct)).ToOk())
            .WithName("ImportDirectoryContacts").WithSummary("Add (or, with replaceAll, replace) contacts from CSV text; one bad row refuses the whole file, each problem under rows[line].");
        contacts.MapGet("/{contactId:guid}", async (CompanyDirectory directory, Guid contactId, CancellationToken ct) => (await directory.GetAsync(contactId, ct)).ToOk())
            .WithName("GetDirectoryContact");
        contacts.MapPut("/{contactId:guid}", async (CompanyDirectory directory, Guid contactId, ContactRequest body, CancellationToken ct) => (await directory.ChangeAsync(contactId, body, ct)).ToOk())
            .WithName("ChangeDirectoryContact");
        contacts.MapDelete("/{contactId:guid}", async (CompanyDirectory directory, Guid contactId, CancellationToken ct) => (await directory.DeleteAsync(contactId, ct)).ToNoContent())
            .WithName("DeleteDirectoryContact");
    }

    private static async Task<Results<Created<ContactView>, ProblemHttpResult>> CreateAsync(CompanyDirectory directory, ContactRequest body, CancellationToken cancellationToken) =>
        (await directory.CreateAsync(body, cancellationToken)).ToCreated(c => $"/api/v1/directory/contacts/{c.Id}");
}
