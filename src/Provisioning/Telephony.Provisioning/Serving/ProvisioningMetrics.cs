using System.Diagnostics.Metrics;

namespace Telephony.Provisioning.Serving;

/// <summary>Provisioning's instruments (meter <c>Telephony.Provisioning</c>).</summary>
public sealed class ProvisioningMetrics
{
    public const string MeterName = "Telephony.Provisioning";

    private readonly Counter<long> _requests;
    private readonly Counter<long> _throttledClients;
    private readonly Histogram<double> _renderTime;

    public ProvisioningMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _requests = meter.CreateCounter<long>("telephony.provisioning.requests", description: "Configuration and directory requests, by outcome (served, bootstrap, not_found, unauthorized, refused, throttled) and vendor family");
        _throttledClients = meter.CreateCounter<long>("telephony.provisioning.throttled_clients", description: "Addresses throttled for probing (too many unknown devices or wrong credentials)");
        _renderTime = meter.CreateHistogram<double>("telephony.provisioning.render.duration", unit: "ms", description: "Time to render one file (rendered files are cached until the device's configuration changes)");
    }

    public void Request(string outcome, string family) =>
        _requests.Add(1, new KeyValuePair<string, object?>("outcome", outcome), new KeyValuePair<string, object?>("family", family));

    public void ClientThrottled() => _throttledClients.Add(1);

    public void Rendered(TimeSpan elapsed) => _renderTime.Record(elapsed.TotalMilliseconds);
}

/// <summary>Values of the "outcome" tag of <c>telephony.provisioning.requests</c>.</summary>
public static class RequestOutcome
{
    public const string Served = "served";
    public const string Bootstrap = "bootstrap";
    public const string NotFound = "not_found";
    public const string Unauthorized = "unauthorized";
    public const string Refused = "refused";
    public const string Throttled = "throttled";
}
