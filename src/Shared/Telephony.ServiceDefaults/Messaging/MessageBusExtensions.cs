using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Telephony.ServiceDefaults.Messaging;

public static class MessageBusExtensions
{
    /// <summary>
    /// Adds a service's consumers to the bus. Each service calls this from its own AddXxx so
    /// the all-in-one host can host the consumers of all four on one bus.
    /// </summary>
    public static IServiceCollection AddBusConsumers(this IServiceCollection services, Action<IBusRegistrationConfigurator> register)
    {
        services.AddSingleton(new BusConsumerRegistration(register));
        return services;
    }

    /// <summary>Publishes <typeparamref name="TContext"/>'s outbox.</summary>
    public static IServiceCollection AddOutboxDispatcher<TContext>(this IServiceCollection services)
        where TContext : DbContext, IOutboxStore
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName);
        services.AddSingleton<OutboxSignal<TContext>>();
        services.AddHostedService<OutboxDispatcher<TContext>>();
        return services;
    }

    /// <summary>
    /// Adds the bus once per process, after the services: RabbitMQ in production, the
    /// in-memory transport in the embedded host, chosen by <c>Messaging:Transport</c>.
    /// </summary>
    public static IHostApplicationBuilder AddMessageBus(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(MessagingOptions.SectionName).Get<MessagingOptions>() ?? new MessagingOptions();
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName);
        var registrations = builder.Services
            .Where(d => d.ServiceType == typeof(BusConsumerRegistration) && d.ImplementationInstance is not null)
            .Select(d => (BusConsumerRegistration)d.ImplementationInstance!)
            .ToList();

        builder.Services.AddMassTransit(bus =>
        {
            bus.SetKebabCaseEndpointNameFormatter();
            foreach (var registration in registrations)
            {
                registration.Register(bus);
            }

            if (options.Transport == BusTransport.RabbitMq)
            {
                bus.UsingRabbitMq((context, cfg) =>
                {
                    cfg.Host(new Uri(options.RabbitMqUri));
                    cfg.ConfigureEndpoints(context);
                });
            }
            else
            {
                bus.UsingInMemory((context, cfg) => cfg.ConfigureEndpoints(context));
            }
        });
        builder.Services.Configure<MassTransitHostOptions>(o =>
        {
            // Start serving HTTP even while the broker is down; readiness reports it instead.
            o.WaitUntilStarted = false;
            o.StopTimeout = TimeSpan.FromSeconds(10);
        });
        return builder;
    }

    private sealed record BusConsumerRegistration(Action<IBusRegistrationConfigurator> Register);
}
