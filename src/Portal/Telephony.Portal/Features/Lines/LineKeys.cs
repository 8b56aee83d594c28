using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.Lines;

public sealed record KeysRequest(IReadOnlyList<ProgrammableKey>? Keys);

public sealed record KeysOrderRequest(IReadOnlyList<int>? Order);

/// <summary>One key as the editor shows it: its number on the phone and, for supervision, the watched line.</summary>
public sealed record KeyView(
    int Position,
    KeyKind Kind,
    string Label,
    string? Number,
    Guid? LineId,
    string? LineName,
    string? LineNumber,
    InCallAction InCallAction);

/// <summary>The phone's keys: "used/available" (L-HW) and each key in order.</summary>
public sealed record LineKeysView(Guid LineId, string? PhoneModelName, int Capacity, IReadOnlyList<KeyView> Keys)
{
    public int Available => Math.Max(0, Capacity - Keys.Count);
}

/// <summary>
/// L-KEYS: the programmable keys of a line's desk phone. A manager changes them all; the user
/// of the line changes the shortcut keys (the pickup key is one) and leaves the supervision
/// keys as the manager set them. Every change replaces the list, so keys stay numbered 1..n.
/// </summary>
public sealed class LineKeys(PortalDbContext db, Actor actor)
{
    public async Task<Result<LineKeysView>> GetAsync(Guid lineId, CancellationToken cancellationToken)
    {
        var line = await FindAsync(lineId, cancellationToken);
        return line is null ? LineErrors.NotFound : await ViewAsync(line, cancellationToken);
    }

    public async Task<Result<LineKeysView>> ChangeAsync(Guid lineId, KeysRequest request, CancellationToken cancellationToken)
    {
        var line = await FindAsync(lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        var requested = request.Keys ?? [];
        if (actor.IsUser && !requested.Where(k => k.IsSupervision).SequenceEqual(line.Services.Keys.Where(k => k.IsSupervision)))
        {
            return Error.Forbidden("keys.manager-only", "Only a manager can change the supervision keys.", "Keys");
        }

        var model = line.PhoneModelId is { } modelId ? await db.PhoneModels.AsNoTracking().SingleAsync(m => m.Id == modelId, cancellationToken) : null;
        var supervisable = (await db.Lines.Where(l => l.Kind == LineKind.Fixed || l.Kind == LineKind.Mobile).Select(l => l.Id).ToListAsync(cancellationToken)).ToHashSet();
        var context = new LineServiceRules.KeyContext(model?.DisplayName ?? "", model?.ProgrammableKeys ?? 0, line.Id, supervisable);
        if (line.ChangeKeys(requested, context) is { } error)
        {
            return error;
        }

        await db.SaveChangesAsync(cancellationToken);
        return await ViewAsync(line, cancellationToken);
    }

    /// <summary>Adds a key at the end of its category.</summary>
    public Task<Result<LineKeysView>> AddAsync(Guid lineId, ProgrammableKey key, CancellationToken cancellationToken) =>
        EditAsync(lineId, keys => Result.Success(KeyLayout.Add(keys, key)), cancellationToken);

    public Task<Result<LineKeysView>> RemoveAsync(Guid lineId, int position, CancellationToken cancellationToken) =>
        EditAsync(lineId, keys => position >= 1 && position <= keys.Count ? Result.Success(KeyLayout.Remove(keys, position)) : NoSuchKey, cancellationToken);

    /// <summary>Move up (−1) or down (+1) within the key's category: the editor's no-script ordering.</summary>
    public Task<Result<LineKeysView>> MoveAsync(Guid lineId, int position, int offset, CancellationToken cancellationToken) =>
        EditAsync(lineId, keys => position >= 1 && position <= keys.Count ? Result.Success(KeyLayout.Move(keys, position, offset)) : NoSuchKey, cancellationToken);

    /// <summary>Drag and drop: the current positions in their new order.</summary>
    public Task<Result<LineKeysView>> ReorderAsync(Guid lineId, KeysOrderRequest request, CancellationToken cancellationToken) =>
        EditAsync(lineId, keys => KeyLayout.Reorder(keys, request.Order ?? []), cancellationToken);

    private static Error NoSuchKey => Error.NotFound("keys.not-found", "This key does not exist; reload the page.");

    private async Task<Result<LineKeysView>> EditAsync(Guid lineId, Func<IReadOnlyList<ProgrammableKey>, Result<IReadOnlyList<ProgrammableKey>>> edit, CancellationToken cancellationToken)
    {
        var line = await FindAsync(lineId, cancellationToken);
        if (line is null)
        {
            return LineErrors.NotFound;
        }

        var edited = edit(line.Services.Keys);
        return edited.Succeeded ? await ChangeAsync(lineId, new KeysRequest(edited.Value), cancellationToken) : edited.Error!;
    }

    private async Task<LineKeysView> ViewAsync(Line line, CancellationToken cancellationToken)
    {
        var model = line.PhoneModelId is { } modelId ? await db.PhoneModels.AsNoTracking().SingleOrDefaultAsync(m => m.Id == modelId, cancellationToken) : null;
        var watchedIds = line.Services.Keys.Where(k => k.LineId is not null).Select(k => k.LineId!.Value).ToList();
        var watched = await db.Lines.AsNoTracking().Where(l => watchedIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, cancellationToken);
        var keys = line.Services.Keys.Select((key, i) =>
        {
            var target = key.LineId is { } id ? watched.GetValueOrDefault(id) : null;
            return new KeyView(i + 1, key.Kind, key.Label ?? target?.DisplayName ?? "", key.Number, key.LineId, target?.DisplayName, target is null ? null : target.ShortNumber ?? PhoneNumber.ToNational(target.PublicNumber), key.InCallAction);
        }).ToList();
        return new LineKeysView(line.Id, model?.DisplayName, model?.ProgrammableKeys ?? 0, keys);
    }

    private async Task<Line?> FindAsync(Guid lineId, CancellationToken cancellationToken) =>
        actor.MaySee(lineId) ? await db.Lines.SingleOrDefaultAsync(l => l.Id == lineId, cancellationToken) : null;
}
