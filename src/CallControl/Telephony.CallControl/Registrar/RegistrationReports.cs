using System.Collections.Concurrent;
using System.Threading.Channels;
using MassTransit;
using Telephony.Contracts.Devices;

namespace Telephony.CallControl.Registrar;

/// <summary>
/// Tells the Portal where a line's devices are registered from (D-RESYNC "registered from"):
/// a <see cref="LineRegistrationChanged"/> when a line's set of contacts (source address,
/// transport, User-Agent) changes — a new device, a move, an unregistration, an expiry — and
/// not on every refresh. Published in the background, in order, best effort: it is a status
/// shown to people, and the next change reports the whole set again.
/// </summary>
public sealed partial class RegistrationReports(IBus bus, TimeProvider time, ILogger<RegistrationReports> logger) : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, string> _reported = new();
    private readonly Channel<LineRegistrationChanged> _pending = Channel.CreateBounded<LineRegistrationChanged>(new BoundedChannelOptions(50_000)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    /// <summary>Called with a line's contacts after every change; queues a report when what the Portal shows differs.</summary>
    public void Changed(Guid tenantId, Guid lineId, IReadOnlyList<Registration> contacts)
    {
        var summary = string.Join('|', contacts
            .Select(c => $"{c.SourceAddress}:{c.SourcePort}/{c.Transport}/{c.UserAgent}")
            .Order(StringComparer.Ordinal));
        if (_reported.TryGetValue(lineId, out var previous) && previous == summary)
        {
            return;
        }

        _reported[lineId] = summary;
        _pending.Writer.TryWrite(new LineRegistrationChanged
        {
            TenantId = tenantId,
            MessageId = Guid.NewGuid(),
            LineId = lineId,
            Contacts = contacts.Select(c => new RegisteredContact(c.SourceAddress, c.SourcePort, c.Transport, c.UserAgent, c.ExpiresAt)).ToList(),
            OccurredAt = time.GetUtcNow().UtcDateTime,
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var report in _pending.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                await bus.Publish(report, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogPublishFailed(logger, report.LineId, ex);
            }
        }
    }

    [LoggerMessage(EventId = 2101, Level = LogLevel.Warning, Message = "Reporting the registrations of line {LineId} failed")]
    private static partial void LogPublishFailed(ILogger logger, Guid lineId, Exception exception);
}
