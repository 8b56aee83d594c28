using Telephony.Provisioning.Persistence;
using Telephony.ServiceDefaults.Data;
using Telephony.ServiceDefaults.Health;

namespace Telephony.Provisioning;

/// <summary>Provisioning's composition, used by its own host and by the embedded all-in-one host.</summary>
public static class ProvisioningExtensions
{
    public const string HealthTag = "provisioning";

    public static IHostApplicationBuilder AddProvisioning(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<ProvisioningDbContext>("Provisioning", HealthTag);
        return builder;
    }

    public static IEndpointRouteBuilder MapProvisioning(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints(HealthTag);
        return endpoints;
    }
}
