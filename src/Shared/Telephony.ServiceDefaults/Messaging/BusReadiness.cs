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
}
