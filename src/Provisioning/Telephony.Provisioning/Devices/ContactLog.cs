using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Devices;
using Telephony.Provisioning.Persistence;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.Provisioning.Devices;

/// <summary>
/// "Last provisioned at": authenticated fetches are queued in memory by the request path and
/// written behind in batches (one store transaction per <see cref="BatchDelay"/>, the latest
/// fetch of each phone), each with a <see cref="DeviceProvisioned"/> event through the outbox,
/// so a phone fetching in a loop costs the store one row update per batch, not one per request.
/// </summary>
public sealed class ContactLog(IServiceScopeFactory scopes, OutboxSignal<ProvisioningDbContext> outbox, TimeProvider time) : BackgroundService
{
    public static readonly TimeSpan BatchDelay = TimeSpan.FromSeconds(1);

    private readonly Channel<Contact> _contacts = Channel.CreateBounded<Contact>(new BoundedChannelOptions(100_000)
    {
        FullMode = BoundedChannelFullMode.DropOldest,
        SingleReader = true,
    });

    public void Record(DeviceEntry device, string remoteAddress, string? userAgent) =>
        _contacts.Writer.TryWrite(new Contact(device, remoteAddress, userAgent, time.GetUtcNow().UtcDateTime));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _contacts.Reader.WaitToReadAsync(stoppingToken))
        {
            await Task.Delay(BatchDelay, time, stoppingToken);
            await FlushAsync(CancellationToken.None);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await FlushAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var latest = new Dictionary<string, Contact>(StringComparer.Ordinal);
        while (_contacts.Reader.TryRead(out var contact))
        {
            latest[contact.Device.Mac] = contact;
        }

        if (latest.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProvisioningDbContext>();
        var macs = latest.Keys.ToList();
        var rows = await db.Devices.Where(d => macs.Contains(d.Mac)).ToListAsync(cancellationToken);
        foreach (var row in rows)
        {
            var contact = latest[row.Mac];
            if (row.Token != contact.Device.Token)
            {
                continue; // reassigned meanwhile: that fetch was the previous assignment's
            }

            row.ClaimedAt ??= contact.At;
            row.LastProvisionedAt = contact.At;
            row.LastProvisionedFrom = contact.RemoteAddress;
            var provisioned = new DeviceProvisioned
            {
                TenantId = row.TenantId,
                MessageId = Guid.NewGuid(),
                LineId = row.LineId,
                Mac = row.Mac,
                RemoteAddress = contact.RemoteAddress,
                UserAgent = contact.UserAgent is { Length: > 256 } ua ? ua[..256] : contact.UserAgent,
                ProvisionedAt = contact.At,
            };
            db.Enqueue(provisioned.MessageId, row.TenantId, provisioned, contact.At);
        }

        await db.SaveChangesAsync(cancellationToken);
        outbox.Notify();
    }

    private sealed record Contact(DeviceEntry Device, string RemoteAddress, string? UserAgent, DateTime At);
}
