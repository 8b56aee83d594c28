using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.NumberPool;

public enum PoolNumberState
{
    Free,
    Assigned,
    Quarantined,
}

public sealed record PoolNumberItem(string Number, string NationalNumber, NumberZone Zone, PoolNumberState State, Guid? AssignedTenantId, DateTime? QuarantinedUntil);

/// <summary>Numbers to add: a list, or a block of <see cref="Count"/> consecutive numbers from <see cref="From"/>.</summary>
public sealed record AddPoolNumbersRequest(IReadOnlyList<string>? Numbers = null, string? From = null, int? Count = null);

public sealed record ZoneCount(NumberZone Zone, int Free, int Assigned, int Quarantined);

/// <summary>T-OPERATOR: the public number pools per zone, from which line activation takes numbers.</summary>
public sealed class NumberPool(PortalDbContext db, TimeProvider time)
{
    public const int MaxBlock = 10_000;

    public async Task<IReadOnlyList<ZoneCount>> ZonesAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var numbers = await db.PoolNumbers.AsNoTracking().Select(n => new { n.Zone, n.AssignedTenantId, n.QuarantinedUntil }).ToListAsync(cancellationToken);
        return Enum.GetValues<NumberZone>()
            .Select(zone => new ZoneCount(
                zone,
                numbers.Count(n => n.Zone == zone && n.AssignedTenantId is null && (n.QuarantinedUntil is null || n.QuarantinedUntil <= now)),
                numbers.Count(n => n.Zone == zone && n.AssignedTenantId is not null),
                numbers.Count(n => n.Zone == zone && n.AssignedTenantId is null && n.QuarantinedUntil > now)))
            .ToList();
    }

    public async Task<Page<PoolNumberItem>> ListAsync(NumberZone? zone, PoolNumberState? state, PageRequest page, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var numbers = db.PoolNumbers.AsNoTracking();
        if (zone is { } z)
        {
            numbers = numbers.Where(n => n.Zone == z);
        }

        numbers = state switch
        {
            PoolNumberState.Free => numbers.Where(n => n.AssignedTenantId == null && (n.QuarantinedUntil == null || n.QuarantinedUntil <= now)),
            PoolNumberState.Assigned => numbers.Where(n => n.AssignedTenantId != null),
            PoolNumberState.Quarantined => numbers.Where(n => n.AssignedTenantId == null && n.QuarantinedUntil > now),
            _ => numbers,
        };
        var total = await numbers.CountAsync(cancellationToken);
        var rows = await numbers.OrderBy(n => n.Number).Skip(page.Skip).Take(page.PageSize).ToListAsync(cancellationToken);
        return new Page<PoolNumberItem>(rows.Select(n => Item(n, now)).ToList(), page.Page, page.PageSize, total);
    }

    /// <summary>Adds numbers to the pool; numbers already pooled are refused, naming them, and nothing is added.</summary>
    public async Task<Result<IReadOnlyList<PoolNumberItem>>> AddAsync(AddPoolNumbersRequest request, CancellationToken cancellationToken)
    {
        var wanted = Expand(request);
        if (!wanted.Succeeded)
        {
            return wanted.Error!;
        }

        var created = new List<PoolNumber>();
        var errors = new List<FieldError>();
        foreach (var (input, field) in wanted.Value!)
        {
            var number = PoolNumber.Create(input);
            if (number.Succeeded)
            {
                created.Add(number.Value!);
            }
            else
            {
                errors.Add(new FieldError(field, $"{input}: {number.Error!.Message}"));
            }
        }

        if (errors.Count > 0)
        {
            return Error.Invalid(errors);
        }

        var values = created.Select(n => n.Number).ToList();
        var existing = await db.PoolNumbers.Where(n => values.Contains(n.Number)).Select(n => n.Number).ToListAsync(cancellationToken);
        var duplicates = values.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key).Concat(existing).Distinct().Order().ToList();
        if (duplicates.Count > 0)
        {
            return Error.Conflict("pool.duplicate", $"Already in the pool: {string.Join(", ", duplicates.Take(10).Select(PhoneNumber.ToNational))}{(duplicates.Count > 10 ? "…" : "")}.", request.Numbers is null ? nameof(request.From) : nameof(request.Numbers));
        }

        db.PoolNumbers.AddRange(created);
        await db.SaveChangesAsync(cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        return created.OrderBy(n => n.Number).Select(n => Item(n, now)).ToList();
    }

    /// <summary>Removes a number that no company holds.</summary>
    public async Task<Error?> RemoveAsync(string number, CancellationToken cancellationToken)
    {
        var e164 = PhoneNumber.ToE164(number);
        var pooled = e164.Succeeded ? await db.PoolNumbers.SingleOrDefaultAsync(n => n.Number == e164.Value, cancellationToken) : null;
        if (pooled is null)
        {
            return Error.NotFound("pool.not-found", "This number is not in the pool.");
        }

        if (pooled.AssignedTenantId is not null)
        {
            return Error.Conflict("pool.assigned", "This number is assigned to a company; delete its line first.");
        }

        db.PoolNumbers.Remove(pooled);
        await db.SaveChangesAsync(cancellationToken);
        return null;
    }

    private static Result<IReadOnlyList<(string Input, string Field)>> Expand(AddPoolNumbersRequest request)
    {
        if (request.Numbers is { Count: > 0 } numbers)
        {
            if (numbers.Count > MaxBlock)
            {
                return Error.Validation("pool.too-many", $"Add at most {MaxBlock} numbers at once.", nameof(request.Numbers));
            }

            return numbers.Select((n, i) => (n, $"{nameof(request.Numbers)}[{i}]")).ToList();
        }

        if (request.From is null || request.Count is null)
        {
            return Error.Validation("pool.empty-request", "Give a list of numbers, or a first number and a count.", nameof(request.Numbers));
        }

        if (request.Count is < 1 or > MaxBlock)
        {
            return Error.Validation("pool.count", $"The count is between 1 and {MaxBlock}.", nameof(request.Count));
        }

        var first = PhoneNumber.ToE164(request.From, nameof(request.From));
        if (!first.Succeeded)
        {
            return first.Error!;
        }

        var start = long.Parse(first.Value![3..], System.Globalization.CultureInfo.InvariantCulture);
        if ((start + request.Count.Value - 1).ToString(System.Globalization.CultureInfo.InvariantCulture).Length != 9)
        {
            return Error.Validation("pool.block-overflow", "The block runs past the last number of its range.", nameof(request.Count));
        }

        return Enumerable.Range(0, request.Count.Value)
            .Select(i => ("+33" + (start + i).ToString(System.Globalization.CultureInfo.InvariantCulture), nameof(request.From)))
            .ToList();
    }

    private static PoolNumberItem Item(PoolNumber n, DateTime now) => new(
        n.Number,
        PhoneNumber.ToNational(n.Number),
        n.Zone,
        n.AssignedTenantId is not null ? PoolNumberState.Assigned : n.IsFree(now) ? PoolNumberState.Free : PoolNumberState.Quarantined,
        n.AssignedTenantId,
        n.QuarantinedUntil);
}
