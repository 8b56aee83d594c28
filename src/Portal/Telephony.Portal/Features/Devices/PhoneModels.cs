using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Devices;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Devices;

public sealed record PhoneModelRequest(string? Vendor, string? Model, PhoneKind Kind, int ProgrammableKeys, int SimultaneousCalls);

public sealed record PhoneModelItem(Guid Id, string Vendor, string Model, PhoneKind Kind, int ProgrammableKeys, int SimultaneousCalls, string DisplayName)
{
    public static PhoneModelItem Of(PhoneModel m) => new(m.Id, m.Vendor, m.Model, m.Kind, m.ProgrammableKeys, m.SimultaneousCalls, m.DisplayName);
}

/// <summary>T-OPERATOR: the phone model catalogue; managers read it to choose a line's hardware (L-HW).</summary>
public sealed class PhoneModels(PortalDbContext db)
{
    private static readonly Error NotFound = Error.NotFound("phone-model.not-found", "This phone model is not in the catalogue.");

    public async Task<IReadOnlyList<PhoneModelItem>> ListAsync(CancellationToken cancellationToken) =>
        (await db.PhoneModels.AsNoTracking().OrderBy(m => m.Vendor).ThenBy(m => m.Model).ToListAsync(cancellationToken)).Select(PhoneModelItem.Of).ToList();

    public async Task<Result<PhoneModelItem>> GetAsync(Guid modelId, CancellationToken cancellationToken) =>
        await db.PhoneModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken) is { } model ? PhoneModelItem.Of(model) : NotFound;

    public async Task<Result<PhoneModelItem>> CreateAsync(PhoneModelRequest request, CancellationToken cancellationToken)
    {
        var created = PhoneModel.Create(request.Vendor, request.Model, request.Kind, request.ProgrammableKeys, request.SimultaneousCalls);
        if (!created.Succeeded)
        {
            return created.Error!;
        }

        if (await TakenAsync(created.Value!, cancellationToken) is { } taken)
        {
            return taken;
        }

        db.PhoneModels.Add(created.Value!);
        await db.SaveChangesAsync(cancellationToken);
        return PhoneModelItem.Of(created.Value!);
    }

    public async Task<Result<PhoneModelItem>> ChangeAsync(Guid modelId, PhoneModelRequest request, CancellationToken cancellationToken)
    {
        var model = await db.PhoneModels.SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (model is null)
        {
            return NotFound;
        }

        if (model.Change(request.Vendor, request.Model, request.Kind, request.ProgrammableKeys, request.SimultaneousCalls) is { } error)
        {
            return error;
        }

        if (await TakenAsync(model, cancellationToken) is { } taken)
        {
            return taken;
        }

        await db.SaveChangesAsync(cancellationToken);
        return PhoneModelItem.Of(model);
    }

    /// <summary>Only a model no line of any company uses can leave the catalogue.</summary>
    public async Task<Error?> DeleteAsync(Guid modelId, CancellationToken cancellationToken)
    {
        var model = await db.PhoneModels.SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (model is null)
        {
            return NotFound;
        }

        var used = await db.Lines.IgnoreQueryFilters([TenantModelExtensions.FilterName]).CountAsync(l => l.PhoneModelId == modelId, cancellationToken);
        if (used > 0)
        {
            return Error.Conflict("phone-model.in-use", $"{used} line(s) use the {model.DisplayName}; it stays in the catalogue.");
        }

        db.PhoneModels.Remove(model);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private async Task<Error?> TakenAsync(PhoneModel model, CancellationToken cancellationToken) =>
        await db.PhoneModels.AnyAsync(m => m.Id != model.Id && m.Vendor == model.Vendor && m.Model == model.Model, cancellationToken)
            ? Error.Conflict("phone-model.duplicate", $"The {model.DisplayName} is already in the catalogue.", "Model")
            : null;
}
