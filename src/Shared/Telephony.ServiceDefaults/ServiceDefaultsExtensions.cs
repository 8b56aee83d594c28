using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry.Metrics;

namespace Telephony.ServiceDefaults;

/// <summary>What every host (a service alone or the all-in-one embedded host) sets up once.</summary>
public static class ServiceDefaultsExtensions
{
    public static IHostApplicationBuilder AddServiceDefaults(this IHostApplicationBuilder builder)
    {
        builder.Logging.ClearProviders();
        if (builder.Environment.IsDevelopment() || builder.Configuration.GetValue("Logging:PlainConsole", false))
        {
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.IncludeScopes = true;
                o.TimestampFormat = "HH:mm:ss.fff ";
            });
        }
        else
        {
            // Structured lines on stdout, one JSON object per event, scopes (TenantId, CallId) included.
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
                o.UseUtcTimestamp = true;
            });
        }

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddHealthChecks();
        // Every service's own instruments (meters named Telephony.*), scraped at /metrics.
        builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics.AddMeter("Telephony.*").AddPrometheusExporter());
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(15));
        return builder;
    }

    /// <summary>Whether the application runs as the all-in-one embedded host.</summary>
    public static bool IsEmbedded(this IHostApplicationBuilder builder) =>
        string.Equals(builder.Configuration["RunMode"], "Embedded", StringComparison.OrdinalIgnoreCase);
}
