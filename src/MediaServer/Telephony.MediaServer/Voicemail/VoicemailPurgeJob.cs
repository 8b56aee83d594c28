using Microsoft.Extensions.Options;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.MediaServer.Voicemail;

/// <summary>
/// Runs <see cref="VoicemailPurge"/> every hour on the one instance of the cluster that holds
/// the "voicemail-purge" lease (a row of the store, no scheduler dependency). The lease
/// outlasts a run, so a slow run is not taken over; an instance that dies frees it when it
/// expires. Time comes from <see cref="TimeProvider"/>, so tests drive it.
/// </summary>
public sealed partial class VoicemailPurgeJob(
    JobLeases leases,
    VoicemailPurge purge,
    IOptions<MessagingOptions> messaging,
    TimeProvider time,
    ILogger<VoicemailPurgeJob> logger) : BackgroundService
{
    public const string LeaseName = "voicemail-purge";
    public static readonly TimeSpan Interval = TimeSpan.FromHours(1);
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(50);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            await RunOnceAsync(stoppingToken);
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One run: purges when this instance holds the lease; true when it did.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (!await leases.TryTakeAsync(LeaseName, messaging.Value.InstanceId, Lease, cancellationToken))
            {
                return false;
            }

            await purge.PurgeAsync(cancellationToken);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The store may be restarting: the next tick tries again.
            LogFailed(logger, ex);
            return false;
        }
    }

    [LoggerMessage(EventId = 6321, Level = LogLevel.Warning, Message = "Voicemail purge failed; the next run tries again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
