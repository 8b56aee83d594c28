using System.Diagnostics.Metrics;

namespace Telephony.CallControl;

/// <summary>CallControl's counters (meter <c>Telephony.CallControl</c>).</summary>
public sealed class CallControlMetrics
{
    public const string MeterName = "Telephony.CallControl";

    private readonly Counter<long> _snapshotsApplied;
    private readonly Counter<long> _snapshotsIgnored;

    public CallControlMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _snapshotsApplied = meter.CreateCounter<long>("telephony.callcontrol.routing_snapshots.applied", description: "Routing snapshots that replaced an older version");
        _snapshotsIgnored = meter.CreateCounter<long>("telephony.callcontrol.routing_snapshots.ignored", description: "Routing snapshots ignored as stale or duplicate");
    }

    public void SnapshotApplied() => _snapshotsApplied.Add(1);

    public void SnapshotIgnored() => _snapshotsIgnored.Add(1);
}
