using Telephony.TestSupport;

namespace Telephony.Provisioning.Tests.Rendering;

/// <summary>
/// Expected renderer output under Rendering/Golden. With TELEPHONY_UPDATE_GOLDEN=1 the test
/// rewrites the source copy instead of comparing (review the diff and commit it with the
/// template change).
/// </summary>
internal static class GoldenFiles
{
    private static readonly string SourceFolder = Path.Combine(TestEnvironment.RepositoryRoot, "tests", "Telephony.Provisioning.Tests", "Rendering", "Golden");

    private static readonly string OutputFolder = Path.Combine(AppContext.BaseDirectory, "Rendering", "Golden");

    public static void AssertMatches(string relativePath, string actual)
    {
        if (Environment.GetEnvironmentVariable("TELEPHONY_UPDATE_GOLDEN") == "1")
        {
            var source = Path.Combine(SourceFolder, relativePath);
            Directory.CreateDirectory(Path.GetDirectoryName(source)!);
            File.WriteAllText(source, actual);
            return;
        }

        var expectedPath = Path.Combine(OutputFolder, relativePath);
        Assert.True(File.Exists(expectedPath), $"{relativePath} has no golden file: run the tests with TELEPHONY_UPDATE_GOLDEN=1 and review it.");
        var expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
        if (expected != actual)
        {
            Assert.Fail($"{relativePath} differs from its golden file {FirstDifference(expected, actual)}; if the change is intended, rerun with TELEPHONY_UPDATE_GOLDEN=1 and review the diff.");
        }
    }

    private static string FirstDifference(string expected, string actual)
    {
        var expectedLines = expected.Split('\n');
        var actualLines = actual.Split('\n');
        for (var i = 0; i < Math.Max(expectedLines.Length, actualLines.Length); i++)
        {
            var e = i < expectedLines.Length ? expectedLines[i] : "(end of file)";
            var a = i < actualLines.Length ? actualLines[i] : "(end of file)";
            if (e != a)
            {
                return $"at line {i + 1}:\n  expected: {e}\n  actual:   {a}";
            }
        }

        return "(same lines)";
    }
}
