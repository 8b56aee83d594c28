using System.Collections.Frozen;

namespace Telephony.Portal;

/// <summary>
/// The portal's stylesheet and scripts are embedded in the assembly and served from here, so
/// the Portal looks the same alone and inside the embedded host (a referenced web project's
/// static web assets are only mapped in Development).
/// </summary>
internal static class PortalAssets
{
    private static readonly FrozenDictionary<string, (byte[] Content, string ContentType)> Assets = Load();

    public static IResult Serve(string name, HttpContext context)
    {
        if (!Assets.TryGetValue(name, out var asset))
        {
            return Results.NotFound();
        }

        context.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Bytes(asset.Content, asset.ContentType);
    }

    private static FrozenDictionary<string, (byte[], string)> Load()
    {
        var assembly = typeof(PortalAssets).Assembly;
        const string prefix = "Telephony.Portal.Assets.";
        var assets = new Dictionary<string, (byte[], string)>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var name = resource[prefix.Length..];
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                _ => "application/octet-stream",
            };
            assets[name] = (memory.ToArray(), type);
        }

        return assets.ToFrozenDictionary();
    }
}
