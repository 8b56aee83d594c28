using Telephony.TestSupport;

namespace Telephony.IntegrationTests.Hosting;

/// <summary>
/// Each service runs alone, as its own process, against PostgreSQL and RabbitMQ: it migrates
/// its own database, becomes ready, reports the broker's absence, and stops gracefully.
/// </summary>
[Collection(RabbitMqCollection.Name)]
public sealed class ServiceHostTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("Portal", "Telephony.Portal")]
    [InlineData("CallControl", "Telephony.CallControl")]
    [InlineData("MediaServer", "Telephony.MediaServer")]
    [InlineData("Provisioning", "Telephony.Provisioning")]
    public async Task Service_AloneOnPostgresAndRabbitMq_BecomesReadyAndStopsGracefully(string service, string project)
    {
        await using var database = await PostgresDatabase.CreateAsync(service.ToLowerInvariant());
        var port = FreePorts.Take(1)[0];
        await using var process = StartService(service, project, database, port);

        await Http.WaitForStatusAsync($"http://127.0.0.1:{port}/health/ready", 200, StartTimeout, process);
        await Http.WaitForStatusAsync($"http://127.0.0.1:{port}/health/live", 200, StartTimeout, process);

        process.Terminate();
        Assert.True(await process.WaitForExitAsync(TimeSpan.FromSeconds(30)), "did not stop within 30 s of SIGTERM:\n" + process.Describe());
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Readiness_WhileTheBrokerIsDown_Is503ThenRecovers()
    {
        await using var database = await PostgresDatabase.CreateAsync("ready");
        var port = FreePorts.Take(1)[0];
        await using var process = StartService("Portal", "Telephony.Portal", database, port);
        var ready = $"http://127.0.0.1:{port}/health/ready";
        await Http.WaitForStatusAsync(ready, 200, StartTimeout, process);

        await Broker.StopAsync();
        try
        {
            await Http.WaitForStatusAsync(ready, 503, StartTimeout, process);
            await Http.WaitForStatusAsync($"http://127.0.0.1:{port}/health/live", 200, StartTimeout, process);
        }
        finally
        {
            await Broker.StartAsync();
        }

        await Http.WaitForStatusAsync(ready, 200, StartTimeout, process);
    }

    private static ServiceProcess StartService(string service, string project, PostgresDatabase database, int port) =>
        ServiceProcess.Start(TestEnvironment.ServiceAssembly(service, project), new Dictionary<string, string>
        {
            ["Urls"] = $"http://127.0.0.1:{port}",
            ["Database__Provider"] = "Postgres",
            [$"ConnectionStrings__{service}"] = database.ConnectionString,
            ["Database__DataFolder"] = Path.Combine(Path.GetTempPath(), "telephony-it-" + Guid.NewGuid().ToString("N")),
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__RabbitMqUri"] = TestEnvironment.RabbitMqUri,
            ["Messaging__InstanceId"] = "it-" + Guid.NewGuid().ToString("N")[..8],
            ["Sip__ListenAddress"] = "127.0.0.1",
            ["Sip__Port"] = FreePorts.Take(1)[0].ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
}
