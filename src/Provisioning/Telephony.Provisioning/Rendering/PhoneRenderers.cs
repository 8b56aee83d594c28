using Microsoft.Extensions.DependencyInjection;

namespace Telephony.Provisioning.Rendering;

/// <summary>Every family's renderer; stateless and thread-safe (templates are parsed once), so one instance serves the whole process.</summary>
public sealed class PhoneRenderers
{
    private readonly Dictionary<PhoneFamily, IPhoneRenderer> _byFamily;

    public PhoneRenderers()
        : this([new YealinkRenderer(), new PolycomRenderer(), new CiscoRenderer(), new SnomRenderer(), new GrandstreamRenderer(), new AudioCodesRenderer()])
    {
    }

    public PhoneRenderers(IEnumerable<IPhoneRenderer> renderers)
    {
        _byFamily = renderers.ToDictionary(renderer => renderer.Family);
    }

    public IReadOnlyCollection<IPhoneRenderer> All => _byFamily.Values;

    public IPhoneRenderer For(PhoneFamily family) =>
        _byFamily.TryGetValue(family, out var renderer) ? renderer : throw new ArgumentOutOfRangeException(nameof(family), family, "No renderer for this family.");
}

public static class PhoneRendererServiceCollectionExtensions
{
    /// <summary>Registers <see cref="PhoneRenderers"/> (all families) as a singleton.</summary>
    public static IServiceCollection AddPhoneRenderers(this IServiceCollection services) => services.AddSingleton(_ => new PhoneRenderers());
}
