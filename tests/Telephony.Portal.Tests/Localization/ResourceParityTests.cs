using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Telephony.Portal.Domain.Devices;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.NumberPool;
using Telephony.Portal.Resources;

namespace Telephony.Portal.Tests.Localization;

/// <summary>The UI is French and English (SPEC.md §13): no word may exist in one language only.</summary>
public sealed partial class ResourceParityTests
{
    public static TheoryData<string> Resources => [nameof(PortalText), nameof(DomainMessages)];

    [Theory]
    [MemberData(nameof(Resources))]
    public void EveryEnglishEntry_HasAFrenchTranslation(string resource)
    {
        var (english, french) = Load(resource);

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(french.Keys).Order());
        Assert.Empty(french.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key));
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void EveryFrenchEntry_HasAnEnglishOne(string resource)
    {
        var (english, french) = Load(resource);

        Assert.Empty(french.Keys.Except(english.Keys).Order());
    }

    [Theory]
    [MemberData(nameof(Resources))]
    public void Translations_KeepTheVariableParts(string resource)
    {
        var (english, french) = Load(resource);

        var differing = english.Where(e => french.TryGetValue(e.Key, out var fr) && !Placeholders(e.Value).SetEquals(Placeholders(fr)));

        Assert.Empty(differing.Select(e => e.Key));
    }

    [Fact]
    public void EnumValuesShownInTheUi_HaveALabel()
    {
        var (english, _) = Load(nameof(PortalText));
        Type[] shown = [typeof(LineKind), typeof(RestrictionProfile), typeof(ForwardType), typeof(ForwardTarget), typeof(InCallAction), typeof(PhoneKind), typeof(TenantStatus), typeof(LineOption), typeof(NumberZone), typeof(PoolNumberState)];

        var missing = shown.SelectMany(t => Enum.GetNames(t).Select(n => $"{t.Name}.{n}")).Where(k => !english.ContainsKey(k));

        Assert.Empty(missing);
    }

    private static (Dictionary<string, string> English, Dictionary<string, string> French) Load(string resource)
    {
        var manager = new ResourceManager($"Telephony.Portal.Resources.{resource}", typeof(PortalText).Assembly);
        return (Entries(manager, CultureInfo.InvariantCulture), Entries(manager, CultureInfo.GetCultureInfo("fr")));
    }

    private static Dictionary<string, string> Entries(ResourceManager manager, CultureInfo culture) =>
        manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!, StringComparer.Ordinal);

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
