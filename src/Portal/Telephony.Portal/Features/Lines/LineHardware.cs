using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Devices;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Lines;

public sealed record HardwareRequest(Guid? PhoneModelId, string? Mac);

/// <summary>L-HW (manager): a line's phone model and MAC — set, changed, completed later (O-COMPLETE) or removed.</summary>
public sealed class LineHardware(PortalDbContext db)
{
    public async Task<Result<LineDetail>> SetAsync(Guid lineId, HardwareRequest request, CancellationToken cancellationToken)
    {
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        if (await ApplyAsync(db, line, request, cancellationToken) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await new FindLines(db).GetAsync(lineId, cancellationToken);
    }

    public async Task<Result<LineDetail>> RemoveAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        line.RemoveHardware();
        await db.SaveChangesAsync(cancellationToken);
        return await new FindLines(db).GetAsync(lineId, cancellationToken);
    }

    /// <summary>Sets the hardware on a tracked line, with the checks that need the database: the model exists, the MAC is nobody else's.</summary>
    internal static async Task<Error?> ApplyAsync(PortalDbContext db, Line line, HardwareRequest request, CancellationToken cancellationToken)
    {
        if (request.PhoneModelId is not { } modelId)
        {
            return string.IsNullOrWhiteSpace(request.Mac)
                ? Error.Validation("hardware.model", "Choose the phone model.", "PhoneModelId")
                : Error.Validation("hardware.model", "Choose the phone model before entering its MAC.", "PhoneModelId");
        }

        var model = await db.PhoneModels.SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken);
        if (model is null)
        {
            return Error.Validation("hardware.model", "This phone model is not in the catalogue.", "PhoneModelId");
        }

        if (line.ChangeHardware(model, request.Mac) is { } error)
        {
            return error;
        }

        // Unique platform-wide: another company's phone is "already used", nothing more.
        if (line.Mac is { } mac && await db.Lines.IgnoreQueryFilters([TenantModelExtensions.FilterName]).AnyAsync(l => l.Mac == mac && l.Id != line.Id, cancellationToken))
        {
            return Error.Conflict("hardware.mac-taken", $"The MAC {MacAddress.Display(mac)} is already used by another phone.", "Mac");
        }

        return null;
    }
}
