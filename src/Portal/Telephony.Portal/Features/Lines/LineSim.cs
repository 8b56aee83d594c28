using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.Lines;

public sealed record SimRequest(string? Iccid, string? Pin, string? Puk);

/// <summary>A mobile line's SIM card as the manager sees it: the MSISDN is the line's number.</summary>
public sealed record SimView(Guid LineId, string Msisdn, string? Iccid, string? Pin, string? Puk);

/// <summary>L-HW for mobile-terminal lines (manager only): the SIM card's ICCID, PIN and PUK; the MSISDN is the line's number.</summary>
public sealed class LineSim(PortalDbContext db)
{
    public async Task<Result<SimView>> GetAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var line = await db.Lines.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        return line is null ? LineErrors.NotFound : View(line);
    }

    public async Task<Result<SimView>> SetAsync(Guid lineId, SimRequest request, CancellationToken cancellationToken)
    {
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        if (line.ChangeSim(request.Iccid, request.Pin, request.Puk) is { } error)
        {
            return error;
        }

        if (await db.Lines.IgnoreQueryFilters([ServiceDefaults.Tenancy.TenantModelExtensions.FilterName]).AnyAsync(l => l.SimIccid == line.SimIccid && l.Id != line.Id, cancellationToken))
        {
            return Error.Conflict("sim.taken", "This SIM card is already another line's.", nameof(request.Iccid));
        }

        await db.SaveChangesAsync(cancellationToken);
        return View(line);
    }

    public async Task<Result<SimView>> RemoveAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var line = await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        line.RemoveSim();
        await db.SaveChangesAsync(cancellationToken);
        return View(line);
    }

    private static SimView View(Domain.Lines.Line line) => new(line.Id, PhoneNumber.ToNational(line.PublicNumber), line.SimIccid, line.SimPin, line.SimPuk);
}
