using System.Globalization;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Tenants;

namespace Telephony.Portal.Components.Pages.Operator.Companies;

/// <summary>
/// What the subscription inputs post (T-OPERATOR): the number of plans bought per plan type
/// and of options, as typed, keyed by the enum names. Parsing reports a field that is not a
/// whole number under the same path as the domain's quota errors (<c>Plans.Fixed</c>).
/// </summary>
public sealed class QuotaForm
{
    public Dictionary<string, string?> Plans { get; set; } = [];

    public Dictionary<string, string?> Options { get; set; } = [];

    public static IReadOnlyList<string> FieldNames { get; } =
        [.. Enum.GetValues<LineKind>().Select(k => $"Plans.{k}"), .. Enum.GetValues<LineOption>().Select(o => $"Options.{o}")];

    public static QuotaForm From(IReadOnlyDictionary<LineKind, int> plans, IReadOnlyDictionary<LineOption, int> options) => new()
    {
        Plans = Enum.GetValues<LineKind>().ToDictionary(k => k.ToString(), k => (string?)plans.GetValueOrDefault(k).ToString(CultureInfo.InvariantCulture)),
        Options = Enum.GetValues<LineOption>().ToDictionary(o => o.ToString(), o => (string?)options.GetValueOrDefault(o).ToString(CultureInfo.InvariantCulture)),
    };

    public static QuotaForm Empty() => From(new Dictionary<LineKind, int>(), new Dictionary<LineOption, int>());

    public string? Plan(LineKind kind) => Plans.GetValueOrDefault(kind.ToString());

    public string? Option(LineOption option) => Options.GetValueOrDefault(option.ToString());

    /// <summary>The quantities typed; every plan type and option is named, so the form sets them all.</summary>
    public (Dictionary<LineKind, int> Plans, Dictionary<LineOption, int> Options, IReadOnlyList<FieldError> Errors) Parse()
    {
        var errors = new List<FieldError>();
        var plans = new Dictionary<LineKind, int>();
        foreach (var kind in Enum.GetValues<LineKind>())
        {
            if (Read(Plan(kind), $"Plans.{kind}", errors) is { } quantity)
            {
                plans[kind] = quantity;
            }
        }

        var options = new Dictionary<LineOption, int>();
        foreach (var option in Enum.GetValues<LineOption>())
        {
            if (Read(Option(option), $"Options.{option}", errors) is { } quantity)
            {
                options[option] = quantity;
            }
        }

        return (plans, options, errors);
    }

    private static int? Read(string? value, string field, List<FieldError> errors)
    {
        if (int.TryParse(value?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var quantity))
        {
            return quantity;
        }

        errors.Add(new FieldError(field, "Enter a whole number (0 when none is bought)."));
        return null;
    }
}
