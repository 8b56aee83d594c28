using System.Diagnostics;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.Deployment;

/// <summary>docker-compose.yml is valid and wires the whole platform (there is no Docker engine here to run it).</summary>
public sealed class DockerComposeTests
{
    [Fact]
    public async Task Config_IsValid()
    {
        var (exitCode, output) = await DockerComposeAsync("config", "-q");

        Assert.True(exitCode == 0, output);
    }

    [Fact]
    public async Task Services_AreTheDatabaseTheBrokerAndTheFourServices()
    {
        var (exitCode, output) = await DockerComposeAsync("config", "--services");

        Assert.Equal(0, exitCode);
        Assert.Equal(
            ["callcontrol", "mediaserver", "portal", "postgres", "provisioning", "rabbitmq"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Order());
    }

    private static async Task<(int ExitCode, string Output)> DockerComposeAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo("docker-compose", ["-f", Path.Combine(TestEnvironment.RepositoryRoot, "docker-compose.yml"), .. arguments])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = TestEnvironment.RepositoryRoot,
        };
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }
}
