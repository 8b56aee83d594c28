using MassTransit;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Telephony.Provisioning.Devices;
using Telephony.Provisioning.Persistence;
using Telephony.Provisioning.Rendering;
using Telephony.Provisioning.Serving;
using Telephony.ServiceDefaults.Data;
using Telephony.ServiceDefaults.Health;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.Provisioning;

/// <summary>Provisioning's composition, used by its own host and by the embedded all-in-one host.</summary>
public static class ProvisioningExtensions
{
    public const string HealthTag = "provisioning";

    public static IHostApplicationBuilder AddProvisioning(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ProvisioningOptions>().BindConfiguration(ProvisioningOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.AddServiceDatabase<ProvisioningDbContext>("Provisioning", HealthTag);
        services.AddOutboxDispatcher<ProvisioningDbContext>();

        services.AddPhoneRenderers();
        services.AddSingleton<ProvisionedDevices>();
        services.AddSingleton<ProvisioningMetrics>();
        services.AddSingleton<DeviceCertificates>();
        services.AddSingleton<PhoneFileServer>();
        services.AddSingleton<ContactLog>();
        services.AddHostedService(sp => sp.GetRequiredService<ContactLog>());
        services.AddHostedService<DeviceSnapshotRecovery>();

        if (!string.IsNullOrEmpty(builder.Configuration[$"{ProvisioningOptions.SectionName}:{nameof(ProvisioningOptions.DeviceCertificateAuthorities)}"]))
        {
            // Phones may present their factory certificate; PhoneFileServer checks it against
            // the vendors' CAs and the MAC, so the handshake itself accepts any.
            services.Configure<KestrelServerOptions>(kestrel => kestrel.ConfigureHttpsDefaults(https =>
            {
                https.ClientCertificateMode = ClientCertificateMode.AllowCertificate;
                https.AllowAnyClientCertificate();
            }));
        }

        // Every instance keeps every phone in memory, so each consumes every device snapshot
        // on a queue of its own.
        var instanceId = builder.Configuration[$"{MessagingOptions.SectionName}:{nameof(MessagingOptions.InstanceId)}"]
            ?? new MessagingOptions().InstanceId;
        services.AddBusConsumers(bus => bus
            .AddConsumer<TenantDevicesChangedConsumer, PerInstanceConsumerDefinition<TenantDevicesChangedConsumer>>()
            .Endpoint(e => e.InstanceId = instanceId));
        return builder;
    }

    public static IEndpointRouteBuilder MapProvisioning(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints(HealthTag);
        // A device's secret URL, as its configuration gives it for every later fetch.
        endpoints.MapGet("/d/{token}/{fileName}", (HttpContext http, string token, string fileName, PhoneFileServer server) =>
            server.ServeAsync(http, token, fileName)).ExcludeFromDescription();
        // The vendor's own path (factory settings, DHCP option 66): the MAC is in the file name.
        endpoints.MapGet("/{fileName}", (HttpContext http, string fileName, PhoneFileServer server) =>
            server.ServeAsync(http, null, fileName)).ExcludeFromDescription();
        return endpoints;
    }
}
