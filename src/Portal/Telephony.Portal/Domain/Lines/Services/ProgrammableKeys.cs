namespace Telephony.Portal.Domain.Lines.Services;

public enum KeyKind
{
    /// <summary>BLF: watches another line of the company (LED blinks while it rings, steady while busy).</summary>
    Supervision,

    /// <summary>Speed dial: a label and a number.</summary>
    Shortcut,

    /// <summary>The group pickup key: dials <c>*98</c>, labelled "Pickup"; at most one per phone.</summary>
    Pickup,
}

/// <summary>L-KEYS: what pressing a supervision key does while the user is already in a call.</summary>
public enum InCallAction
{
    HoldAndCall,
    Transfer,
    Park,
}

/// <summary>
/// One programmable key of a desk phone (L-KEYS). Its number on the phone is its place in the
/// line's list, so keys are always numbered 1..n without gaps.
/// </summary>
public sealed record ProgrammableKey(
    KeyKind Kind,
    Guid? LineId = null,
    InCallAction InCallAction = InCallAction.HoldAndCall,
    string? Label = null,
    string? Number = null)
{
    public const string PickupCode = "*98";
    public const string PickupLabel = "Pickup";

    public static ProgrammableKey Pickup { get; } = new(KeyKind.Pickup, Label: PickupLabel, Number: PickupCode);

    public bool IsSupervision => Kind == KeyKind.Supervision;
}

/// <summary>
/// L-KEYS ordering: supervision keys first, then shortcut keys (the pickup key among them);
/// a key moves only within its category; deleting renumbers the keys after it.
/// </summary>
public static class KeyLayout
{
    public const int MaxSupervisionKeys = 45;
    public const int MaxLabelLength = 32;
    public const int MaxNumberLength = 32;

    /// <summary>A shortcut key's number as the phone dials it: spaces, dots, dashes and brackets dropped.</summary>
    public static string CompactNumber(string? number) =>
        new((number ?? "").Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-' and not '(' and not ')').ToArray());

    /// <summary>Digits, with an optional leading + and the * and # keys.</summary>
    public static bool IsDialable(string? number)
    {
        var value = CompactNumber(number);
        var digits = value.StartsWith('+') ? value[1..] : value;
        return digits.Length is > 0 and <= MaxNumberLength && digits.All(c => char.IsAsciiDigit(c) || c is '*' or '#');
    }

    /// <summary>Supervision keys, then the others, each category keeping its order.</summary>
    public static IReadOnlyList<ProgrammableKey> Ordered(IEnumerable<ProgrammableKey> keys)
    {
        var list = keys.ToList();
        return [.. list.Where(k => k.IsSupervision), .. list.Where(k => !k.IsSupervision)];
    }

    /// <summary>A new key goes at the end of its category.</summary>
    public static IReadOnlyList<ProgrammableKey> Add(IReadOnlyList<ProgrammableKey> keys, ProgrammableKey key) => Ordered([.. keys, key]);

    /// <summary>Removes the key at <paramref name="position"/> (1-based); the keys after it move up one place.</summary>
    public static IReadOnlyList<ProgrammableKey> Remove(IReadOnlyList<ProgrammableKey> keys, int position) =>
        position >= 1 && position <= keys.Count ? [.. keys.Take(position - 1), .. keys.Skip(position)] : keys;

    /// <summary>Swaps the key at <paramref name="position"/> with its neighbour (<paramref name="offset"/> −1 up, +1 down) when both are of one category.</summary>
    public static IReadOnlyList<ProgrammableKey> Move(IReadOnlyList<ProgrammableKey> keys, int position, int offset)
    {
        int from = position - 1, to = from + Math.Sign(offset);
        if (from < 0 || from >= keys.Count || to < 0 || to >= keys.Count || keys[from].IsSupervision != keys[to].IsSupervision)
        {
            return keys;
        }

        var moved = keys.ToList();
        (moved[from], moved[to]) = (moved[to], moved[from]);
        return moved;
    }

    /// <summary>
    /// Drag and drop: <paramref name="order"/> lists every current position once, in the new
    /// order. A key dropped among the other category goes back to the edge of its own.
    /// </summary>
    public static Result<IReadOnlyList<ProgrammableKey>> Reorder(IReadOnlyList<ProgrammableKey> keys, IReadOnlyList<int> order)
    {
        if (order.Count != keys.Count || order.Order().Where((p, i) => p != i + 1).Any())
        {
            return Error.Validation("keys.order", "The new order must list every key once; reload the page and try again.", "Order");
        }

        return Result.Success(Ordered(order.Select(p => keys[p - 1])));
    }
}
