using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Contacts;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Contacts;

public sealed record ContactRequest(string? Name, string? Number, string? ShortNumber);

public sealed record ContactView(Guid Id, string Name, string Number, string NationalNumber, string? ShortNumber)
{
    public static ContactView Of(DirectoryContact c) => new(c.Id, c.Name, c.Number, PhoneNumber.ToNational(c.Number), c.ShortNumber);
}

public sealed record ImportContactsRequest(string? Csv, bool ReplaceAll = false);

public sealed record ImportContactsResult(int Imported, int Total);

/// <summary>
/// O-PRIVNUM: the company's external directory — at most 500 contacts, each with a name, a
/// number and an optional short number (speed dial) that no line or other contact of the
/// company uses; CSV import (all rows or none) and export. Saved with the tenant's routing
/// snapshot, which carries the speed dials.
/// </summary>
public sealed class CompanyDirectory(PortalDbContext db, TenantContext tenantContext, TimeProvider time)
{
    private static readonly Error NotFound = Error.NotFound("contact.not-found", "This contact does not exist.");

    public async Task<Page<ContactView>> ListAsync(string? search, PageRequest page, CancellationToken cancellationToken)
    {
        var contacts = db.DirectoryContacts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = LineSearch.Fold(search.Trim());
            var number = DirectoryContact.NormaliseNumber(term).Value ?? term;
            contacts = contacts.Where(c => c.SearchText.Contains(term) || c.SearchText.Contains(number) || c.ShortNumber == term);
        }

        var total = await contacts.CountAsync(cancellationToken);
        var items = await contacts.OrderBy(c => c.Name).ThenBy(c => c.Number).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<ContactView>(items.Select(ContactView.Of).ToList(), page.Page, page.PageSize, total);
    }

    public async Task<Result<ContactView>> GetAsync(Guid contactId, CancellationToken cancellationToken)
    {
        var contact = await db.DirectoryContacts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        return contact is null ? NotFound : ContactView.Of(contact);
    }

    public async Task<Result<ContactView>> CreateAsync(ContactRequest request, CancellationToken cancellationToken)
    {
        if (await db.DirectoryContacts.CountAsync(cancellationToken) >= DirectoryContact.MaxPerCompany)
        {
            return Error.Conflict("contact.full", $"The directory holds at most {DirectoryContact.MaxPerCompany} contacts; delete one first.");
        }

        var created = DirectoryContact.Create(tenantContext.RequireTenantId(), request.Name, request.Number, request.ShortNumber, time.GetUtcNow().UtcDateTime);
        if (!created.Succeeded)
        {
            return created.Error!;
        }

        if (await ShortNumberTakenAsync(created.Value!.ShortNumber, null, cancellationToken) is { } taken)
        {
            return taken;
        }

        db.DirectoryContacts.Add(created.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return ContactView.Of(created.Value!);
    }

    public async Task<Result<ContactView>> ChangeAsync(Guid contactId, ContactRequest request, CancellationToken cancellationToken)
    {
        var contact = await db.DirectoryContacts.SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            return NotFound;
        }

        if (contact.Change(request.Name, request.Number, request.ShortNumber) is { } error)
        {
            return error;
        }

        if (await ShortNumberTakenAsync(contact.ShortNumber, contact.Id, cancellationToken) is { } taken)
        {
            return taken;
        }

        await db.SaveChangesAsync(cancellationToken);
        return ContactView.Of(contact);
    }

    public async Task<Error?> DeleteAsync(Guid contactId, CancellationToken cancellationToken)
    {
        var contact = await db.DirectoryContacts.SingleOrDefaultAsync(c => c.Id == contactId, cancellationToken);
        if (contact is null)
        {
            return NotFound;
        }

        db.DirectoryContacts.Remove(contact);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    public async Task<string> ExportCsvAsync(CancellationToken cancellationToken) =>
        ContactCsv.Write((await db.DirectoryContacts.AsNoTracking().OrderBy(c => c.Name).ToListAsync(cancellationToken))
            .Select(c => (c.Name, c.Number, c.ShortNumber)));

    /// <summary>Every row is checked; one bad row refuses the whole file, each problem named by its line in the file ("Rows[3]").</summary>
    public async Task<Result<ImportContactsResult>> ImportCsvAsync(ImportContactsRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Csv))
        {
            return Error.Validation("contact.csv-empty", $"Choose a CSV file with the header {ContactCsv.Header} and one contact a row.", "Csv");
        }

        var tenantId = tenantContext.RequireTenantId();
        var now = time.GetUtcNow().UtcDateTime;
        var kept = request.ReplaceAll ? [] : await db.DirectoryContacts.ToListAsync(cancellationToken);
        var lineShortNumbers = (await db.Lines.Where(l => l.ShortNumber != null).Select(l => l.ShortNumber!).ToListAsync(cancellationToken)).ToHashSet();
        var usedShortNumbers = new HashSet<string>(kept.Where(c => c.ShortNumber is not null).Select(c => c.ShortNumber!));
        var errors = new List<FieldError>();
        var imported = new List<DirectoryContact>();
        foreach (var (line, fields) in ContactCsv.Read(request.Csv))
        {
            var field = $"Rows[{line}]";
            if (fields is null || fields.Count is < 2 or > 3)
            {
                errors.Add(new FieldError(field, $"Line {line}: expected Name, Number and an optional ShortNumber."));
                continue;
            }

            var created = DirectoryContact.Create(tenantId, fields[0], fields[1], fields.Count > 2 ? fields[2] : null, now);
            if (!created.Succeeded)
            {
                errors.AddRange(created.Error!.Fields.Select(f => new FieldError(field, $"Line {line}: {f.Message}")));
                continue;
            }

            var shortNumber = created.Value!.ShortNumber;
            if (shortNumber is not null && (lineShortNumbers.Contains(shortNumber) || !usedShortNumbers.Add(shortNumber)))
            {
                errors.Add(new FieldError(field, $"Line {line}: short number {shortNumber} is already used in your company."));
                continue;
            }

            imported.Add(created.Value!);
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        if (imported.Count == 0)
        {
            return Error.Validation("contact.csv-empty", $"The file has no contact after its header ({ContactCsv.Header}).", "Csv");
        }

        if (kept.Count + imported.Count > DirectoryContact.MaxPerCompany)
        {
            return Error.Validation("contact.full", $"The directory holds at most {DirectoryContact.MaxPerCompany} contacts: {kept.Count} kept plus {imported.Count} imported is too many.", "Csv");
        }

        if (request.ReplaceAll)
        {
            db.DirectoryContacts.RemoveRange(await db.DirectoryContacts.ToListAsync(cancellationToken));
        }

        db.DirectoryContacts.AddRange(imported);
        await db.SaveChangesAsync(cancellationToken);
        return new ImportContactsResult(imported.Count, kept.Count + imported.Count);
    }

    private async Task<Error?> ShortNumberTakenAsync(string? shortNumber, Guid? contactId, CancellationToken cancellationToken) =>
        shortNumber is not null && await ShortNumbers.IsTakenAsync(db, shortNumber, cancellationToken, exceptContactId: contactId)
            ? Error.Conflict("contact.short-number-taken", $"Short number {shortNumber} is already used in your company.", nameof(ContactRequest.ShortNumber))
            : null;
}
