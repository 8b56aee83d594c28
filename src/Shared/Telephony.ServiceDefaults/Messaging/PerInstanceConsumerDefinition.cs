using MassTransit;

namespace Telephony.ServiceDefaults.Messaging;

/// <summary>
/// For consumers every instance of a service runs on a queue of its own (snapshots held in
/// memory, phones registered here): store or broker hiccups are retried with backoff, then the
/// message faults to the error queue; a queue left behind by an instance that is gone expires.
/// </summary>
public sealed class PerInstanceConsumerDefinition<TConsumer> : ConsumerDefinition<TConsumer>
    where TConsumer : class, IConsumer
{
    protected override void ConfigureConsumer(
        IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<TConsumer> consumerConfigurator,
        IRegistrationContext context)
    {
        endpointConfigurator.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
        {
            rabbit.QueueExpiration = TimeSpan.FromDays(1);
        }
    }
}
