using MassTransit;
using Telephony.CallControl.Persistence;
using Telephony.CallControl.Routing;
using Telephony.ServiceDefaults.Data;
using Telephony.ServiceDefaults.Health;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.CallControl;

/// <summary>CallControl's composition, used by its own host and by the embedded all-in-one host.</summary>
public static class CallControlExtensions
{
    public const string HealthTag = "callcontrol";

    public static IHostApplicationBuilder AddCallControl(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        builder.AddServiceDatabase<CallControlDbContext>("CallControl", HealthTag);
        services.AddSingleton<RoutingTable>();
        services.AddSingleton<CallControlMetrics>();
        services.AddScoped<RoutingSnapshotStore>();
        services.AddHostedService<RoutingSnapshotRecovery>();

        // Every CallControl instance needs every tenant's snapshot, so the consumer listens on
        // a queue of its own (the endpoint name carries the instance id) instead of competing
        // with the other instances on a shared one.
        var instanceId = builder.Configuration[$"{MessagingOptions.SectionName}:{nameof(MessagingOptions.InstanceId)}"]
            ?? new MessagingOptions().InstanceId;
        services.AddBusConsumers(bus => bus
            .AddConsumer<TenantRoutingChangedConsumer, TenantRoutingChangedConsumerDefinition>()
            .Endpoint(e => e.InstanceId = instanceId));
        return builder;
    }

    public static IEndpointRouteBuilder MapCallControl(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints(HealthTag);
        return endpoints;
    }
}
