using System.Diagnostics;

namespace Telephony.TestSupport;

/// <summary>Stops and restarts the test RabbitMQ broker (the RabbitMQ application; the Erlang node stays up).</summary>
public static class Broker
{
    public static Task StopAsync() => RabbitMqCtlAsync("stop_app");

    public static Task StartAsync() => RabbitMqCtlAsync("start_app");

    private static async Task RabbitMqCtlAsync(string command)
    {
        var info = new ProcessStartInfo("bash", ["-c", $". '{TestEnvironment.RabbitMqEnvFile}' && rabbitmqctl -q {command}"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(info)!;
        var output = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({process.ExitCode}): {output}");
        }
    }
}
