using MassTransit;
using Microsoft.Extensions.Options;
using Telephony.CallControl.Calls;
using Telephony.CallControl.Registrar;
using Telephony.CallControl.Sip;
using Telephony.Sip.Authentication;
using Telephony.Sip.Transactions;
using Telephony.CallControl.Persistence;
using Telephony.CallControl.Routing;
using Telephony.CallControl.Voicemail;
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

        services.AddOptions<SipOptions>().BindConfiguration(SipOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<TrunkOptions>().BindConfiguration(TrunkOptions.SectionName);
        services.AddSingleton(sp =>
        {
            var sip = sp.GetRequiredService<IOptions<SipOptions>>().Value;
            return new DigestAuthenticator(NonceKey(sip), sp.GetRequiredService<TimeProvider>(), algorithms: sip.DigestAlgorithms.Split(','));
        });
        services.AddSingleton<AuthFailureThrottle>();
        services.AddSingleton<RequestAuthenticator>();
        services.AddSingleton<RegistrationReports>();
        services.AddHostedService(sp => sp.GetRequiredService<RegistrationReports>());
        services.AddSingleton<LocationService>();
        services.AddSingleton<PhoneResync>();
        services.AddSingleton<RegistrarService>();
        services.AddSingleton(SipTimerOptions.Default);
        services.AddSingleton<CallRouter>();
        services.AddSingleton<MediaServices>();
        services.AddSingleton<MessageWaiting>();
        services.AddSingleton<MessageSummaryService>();
        services.AddSingleton<B2buaService>();
        services.AddSingleton<CallControlCore>();
        services.AddSingleton<SipServer>();
        services.AddHostedService(sp => sp.GetRequiredService<SipServer>());

        // Every CallControl instance needs every tenant's snapshot, so the consumer listens on
        // a queue of its own (the endpoint name carries the instance id) instead of competing
        // with the other instances on a shared one.
        var instanceId = builder.Configuration[$"{MessagingOptions.SectionName}:{nameof(MessagingOptions.InstanceId)}"]
            ?? new MessagingOptions().InstanceId;
        services.AddBusConsumers(bus =>
        {
            bus.AddConsumer<TenantRoutingChangedConsumer, PerInstanceConsumerDefinition<TenantRoutingChangedConsumer>>()
                .Endpoint(e => e.InstanceId = instanceId);
            // Each instance tells the phones registered with it.
            bus.AddConsumer<DeviceResyncRequestedConsumer>()
                .Endpoint(e => e.InstanceId = instanceId);
            // Each instance records the counts and tells the phones subscribed or registered with it.
            bus.AddConsumer<VoicemailBoxChangedConsumer, PerInstanceConsumerDefinition<VoicemailBoxChangedConsumer>>()
                .Endpoint(e => e.InstanceId = instanceId);
        });
        return builder;
    }

    private static byte[] NonceKey(SipOptions options) =>
        string.IsNullOrEmpty(options.NonceKey) ? System.Security.Cryptography.RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(options.NonceKey);

    public static IEndpointRouteBuilder MapCallControl(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints(HealthTag);
        return endpoints;
    }
}
