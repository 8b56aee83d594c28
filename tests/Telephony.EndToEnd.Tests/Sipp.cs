using System.Diagnostics;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests;

/// <summary>Runs a sipp scenario from tests/Telephony.EndToEnd.Tests/Sipp and returns its exit code and logs.</summary>
internal static class Sipp
{
    public static string Scenario(string name) => Path.Combine(AppContext.BaseDirectory, "Sipp", name);

    public static Task<(int ExitCode, string Log)> RunAsync(string scenario, int serverPort, params string[] arguments) =>
        RunAsync(scenario, serverPort, FreePorts.Take(1)[0], arguments);

    /// <summary>Runs a scenario from <paramref name="localPort"/> (a UAS listens there for its call).</summary>
    public static Task<(int ExitCode, string Log)> RunAsync(string scenario, int serverPort, int localPort, params string[] arguments) =>
        RunFromAsync("127.0.0.1", scenario, serverPort, localPort, arguments);

    /// <summary>Runs a scenario from another loopback address (a carrier, a phone elsewhere).</summary>
    public static async Task<(int ExitCode, string Log)> RunFromAsync(string localAddress, string scenario, int serverPort, int localPort, params string[] arguments)
    {
        var folder = Directory.CreateTempSubdirectory("sipp").FullName;
        var errors = Path.Combine(folder, "errors.log");
        var messages = Path.Combine(folder, "messages.log");
        string[] all =
        [
            "-sf", Scenario(scenario), "-i", localAddress, "-p", localPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-m", "1", "-nostdin", "-timeout", "20s", "-trace_err", "-error_file", errors, "-trace_msg", "-message_file", messages,
            .. arguments, $"127.0.0.1:{serverPort}",
        ];
        var info = new ProcessStartInfo("sipp", all) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var log = await stderr + (File.Exists(errors) ? await File.ReadAllTextAsync(errors) : "") + (File.Exists(messages) ? await File.ReadAllTextAsync(messages) : "");
        _ = await stdout;
        Directory.Delete(folder, recursive: true);
        return (process.ExitCode, log);
    }
}
