using Microsoft.Extensions.Localization;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Resources;

namespace Telephony.Portal.Components.Shared;

/// <summary>Enum values as the UI names them, from <see cref="PortalText"/> (<c>LineKind.Fixed</c>, …).</summary>
public static class EnumLabels
{
    public static string Label(this IStringLocalizer<PortalText> text, LineKind kind) => text[$"LineKind.{kind}"];

    /// <summary>The key of <paramref name="value"/>: its type's name, a dot, its name.</summary>
    public static string Label<TEnum>(this IStringLocalizer<PortalText> text, TEnum value)
        where TEnum : struct, Enum => text[$"{typeof(TEnum).Name}.{value}"];
}
