using MassTransit;

namespace Telephony.ServiceDefaults.Messaging;

public static class BusReadiness
{
    /// <summary>
    /// Waits until the bus and all of this process's receive endpoints are connected. Before
    /// that, a message published to an exchange no queue is bound to yet would be dropped (the
    /// in-memory transport always, RabbitMQ on a first start), so publishers wait here.
    /// </summary>
    public static async Task WaitUntilHealthyAsync(this IBusControl bus, TimeProvider time, CancellationToken cancellationToken)
    {
        while (bus.CheckHealth().Status != BusHealthStatus.Healthy)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), time, cancellationToken);
        }
    }

    /// <summary>
    /// A start-up request (e.g. "send me the snapshots I lack"): waits until this process's
    /// endpoints are bound (the answer comes back on them), then publishes the message made by
    /// <paramref name="message"/> — afresh per attempt, with the latest state — retrying with
    /// backoff (1 s doubling to 30 s) until the broker takes it or the process stops.
    /// </summary>
    public static async Task PublishUntilTakenAsync<T>(this IBusControl bus, Func<T> message, TimeProvider time, Action<Exception> failed, CancellationToken stoppingToken)
        where T : class
    {
        await bus.WaitUntilHealthyAsync(time, stoppingToken);
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(10));
            try
            {
                await bus.Publish(message(), timeout.Token);
                return;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                failed(ex);
                await Task.Delay(delay, time, stoppingToken);
                delay = TimeSpan.FromSeconds(Math.Min(delay.TotalSeconds * 2, 30));
            }
        }
    }
}
