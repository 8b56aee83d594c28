namespace Telephony.Sip.Tests;

/// <summary>The RFC 4475 torture messages, stored byte-exact under Conformance/Rfc4475 with a manifest.</summary>
internal static class ConformanceCorpus
{
    public static string Folder => Path.Combine(AppContext.BaseDirectory, "Conformance", "Rfc4475");

    public static IReadOnlyList<CorpusEntry> Entries()
    {
        var manifest = Path.Combine(Folder, "manifest.tsv");
        if (!File.Exists(manifest))
        {
            return [];
        }

        return File.ReadLines(manifest)
            .Skip(1)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(p => new CorpusEntry(p[0], p[1], p[2], p[3], p.Length > 4 ? p[4] : ""))
            .ToList();
    }

    public static IEnumerable<byte[]> ValidMessages() =>
        Entries().Where(e => e.Kind == "valid").Select(e => File.ReadAllBytes(Path.Combine(Folder, e.Name + ".dat")));
}

internal sealed record CorpusEntry(string Name, string Section, string Kind, string Expected, string Note);
