using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using OpenTelemetry.Metrics;

namespace Telephony.ServiceDefaults.Health;

/// <summary>
/// <c>/health/live</c> answers 200 while the process runs (no dependency is checked, so a
/// database outage never makes an orchestrator kill a healthy process); <c>/health/ready</c>
/// runs the checks tagged with the service's name and the bus check. <c>/metrics</c> serves the
/// service's instruments in Prometheus text format. All three are for the orchestrator and the
/// monitoring, not for the public: a proxy in front of a service forwards only its own paths.
/// </summary>
public static class HealthEndpoints
{
    public const string BusTag = "masstransit";

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints, string serviceTag)
    {
        endpoints.MapHealthChecks("/health/live", new HealthCheckOptions
        {
            Predicate = _ => false,
            ResponseWriter = WriteStatusAsync,
        });
        endpoints.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(serviceTag) || check.Tags.Contains(BusTag),
            ResponseWriter = WriteStatusAsync,
            // A bus that is reconnecting reports Degraded: not ready either.
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
        });
        endpoints.MapPrometheusScrapingEndpoint("/metrics");
        return endpoints;
    }

    private static Task WriteStatusAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        var entries = report.Entries.ToDictionary(
            e => e.Key,
            e => new { status = e.Value.Status.ToString(), description = e.Value.Description });
        return context.Response.WriteAsJsonAsync(new { status = report.Status.ToString(), checks = entries });
    }
}
