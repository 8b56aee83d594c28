using Telephony.MediaServer.Persistence;
using Telephony.ServiceDefaults.Data;
using Telephony.ServiceDefaults.Health;

namespace Telephony.MediaServer;

/// <summary>MediaServer's composition, used by its own host and by the embedded all-in-one host.</summary>
public static class MediaServerExtensions
{
    public const string HealthTag = "mediaserver";

    public static IHostApplicationBuilder AddMediaServer(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<MediaServerDbContext>("MediaServer", HealthTag);
        return builder;
    }

    public static IEndpointRouteBuilder MapMediaServer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints(HealthTag);
        return endpoints;
    }
}
