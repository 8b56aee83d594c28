using System.Collections.Frozen;
using System.Text;
using Fluid;
using Fluid.Values;

namespace Telephony.Provisioning.Rendering;

/// <summary>How a template's values are escaped: every string of the model goes through it, so no template can forget.</summary>
public enum TemplateFormat
{
    /// <summary>XML text and attribute values: markup characters encoded, control characters (CR, LF, tab...) removed.</summary>
    Xml,

    /// <summary>"key = value" lines (Yealink .cfg, AudioCodes): control characters removed, so a value never starts a new line.</summary>
    KeyValue,
}

/// <summary>
/// The families' Liquid templates, embedded resources named "&lt;Family&gt;/&lt;name&gt;[.&lt;variant&gt;].liquid",
/// parsed once. A device gets the most specific template of a name: its model's
/// ("config.w60b"), else its kind's ("config.dect"), else the family's base ("config").
/// </summary>
public static class PhoneTemplates
{
    private const string ResourcePrefix = "PhoneTemplates/";
    private const string Extension = ".liquid";

    private static readonly FrozenDictionary<string, IFluidTemplate> Templates = Load();

    private static readonly TemplateOptions XmlOptions = Options(TemplateFormat.Xml);
    private static readonly TemplateOptions KeyValueOptions = Options(TemplateFormat.KeyValue);

    /// <summary>Every template, as "&lt;Family&gt;/&lt;name&gt;[.&lt;variant&gt;]".</summary>
    public static IReadOnlyCollection<string> Names => Templates.Keys;

    /// <summary>The template a device of <paramref name="model"/> gets for <paramref name="name"/>, e.g. "Yealink/config.dect".</summary>
    public static string Resolve(PhoneFamily family, string name, PhoneModelInfo model)
    {
        string[] candidates = [$"{family}/{name}.{Slug(model.Model)}", $"{family}/{name}.{KindSlug(model.Kind)}", $"{family}/{name}"];
        foreach (var candidate in candidates)
        {
            if (Templates.ContainsKey(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No template {family}/{name}.");
    }

    /// <summary>The whole text of a file: a template error or an undefined variable throws instead of returning part of it.</summary>
    public static string Render(PhoneFamily family, string name, PhoneModelInfo model, TemplateFormat format, Dictionary<string, object> values)
    {
        var template = Templates[Resolve(family, name, model)];
        var context = new TemplateContext(values, format == TemplateFormat.Xml ? XmlOptions : KeyValueOptions);
        return template.Render(context, NullEncoder.Default);
    }

    /// <summary>"SoundStation IP 5000" → "soundstation-ip-5000".</summary>
    public static string Slug(string text)
    {
        var slug = new StringBuilder(text.Length);
        foreach (var c in text.Trim())
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                slug.Append(char.ToLowerInvariant(c));
            }
            else if (slug.Length > 0 && slug[^1] != '-')
            {
                slug.Append('-');
            }
        }

        return slug.ToString().TrimEnd('-');
    }

    public static string KindSlug(PhoneKind kind) => kind switch
    {
        PhoneKind.DectBase => "dect",
        PhoneKind.ConferencePhone => "conference",
        PhoneKind.Ata => "ata",
        _ => "desk",
    };

    public static string Escape(string value, TemplateFormat format)
    {
        var escaped = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                escaped.Append(c).Append(value[++i]);
                continue;
            }

            // Control characters (CR and LF first) would end a line of a .cfg file, and most are not
            // XML 1.0 at all; a lone surrogate cannot be encoded in UTF-8.
            if (char.IsControl(c) || char.IsSurrogate(c) || c is '\u2028' or '\u2029')
            {
                continue;
            }

            if (format == TemplateFormat.Xml)
            {
                escaped.Append(c switch
                {
                    '&' => "&amp;",
                    '<' => "&lt;",
                    '>' => "&gt;",
                    '"' => "&quot;",
                    '\'' => "&apos;",
                    _ => c.ToString(),
                });
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static TemplateOptions Options(TemplateFormat format) =>
        new TemplateOptionsBuilder()
            .WithStrictVariables(true)
            .AddValueConverter(value => value is string text ? StringValue.Create(Escape(text, format)) : null)
            .Build();

    private static FrozenDictionary<string, IFluidTemplate> Load()
    {
        var assembly = typeof(PhoneTemplates).Assembly;
        var parser = new FluidParser();
        var templates = new Dictionary<string, IFluidTemplate>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(Extension, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var source = reader.ReadToEnd();
            if (!parser.TryParse(source, out var template, out var error))
            {
                throw new InvalidOperationException($"Template {resource}: {error}");
            }

            var name = resource[ResourcePrefix.Length..^Extension.Length].Replace('\\', '/');
            templates.Add(name, template);
        }

        return templates.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
