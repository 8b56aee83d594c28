using MassTransit;
using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Announcements;
using Telephony.Portal.Domain.Announcements;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Infrastructure.Media;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Infrastructure;

/// <summary>S-ANN: the media server's answers change an announcement once, for its current upload and its own tenant only.</summary>
public sealed class AnnouncementConvertedConsumerTests : IAsyncLifetime
{
    private static readonly DateTime UploadedAt = new(2026, 12, 4, 11, 0, 0, DateTimeKind.Utc);

    private PortalStore _store = null!;
    private PortalConsumerHarness _consumers = null!;
    private Tenant _tenant = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        (_tenant, _) = await SeedTenantAsync(_store, "Alpha");
        _consumers = await PortalConsumerHarness.StartAsync(_store, bus => bus.AddConsumer<AnnouncementConvertedConsumer>());
    }

    public async Task DisposeAsync()
    {
        await _consumers.DisposeAsync();
        await _store.DisposeAsync();
    }

    [Fact]
    public async Task Ready_ForTheCurrentUpload_MakesItReadyWithItsDuration()
    {
        var announcement = await AddAsync(_tenant.Id);

        await ConsumeAsync(Answer(announcement, announcement.UploadId, ready: true));

        var stored = await StoredAsync(announcement.Id);
        Assert.Equal((AnnouncementState.Ready, TimeSpan.FromSeconds(5)), (stored.State, stored.Duration));
        Assert.NotNull(stored.ConvertedAt);
    }

    [Fact]
    public async Task Answer_ForAnEarlierUpload_IsIgnored()
    {
        var announcement = await AddAsync(_tenant.Id);
        var earlier = announcement.UploadId;
        await using (var db = _store.Context(_tenant.Id))
        {
            (await db.Announcements.SingleAsync(a => a.Id == announcement.Id)).Upload(UploadedAt);
            await db.SaveChangesAsync();
        }

        await ConsumeAsync(Answer(announcement, earlier, ready: true));

        Assert.Equal((AnnouncementState.Converting, (TimeSpan?)null), ((await StoredAsync(announcement.Id)).State, (await StoredAsync(announcement.Id)).Duration));
    }

    [Fact]
    public async Task Answer_Repeated_OrContradictedLater_ChangesNothing()
    {
        var announcement = await AddAsync(_tenant.Id);
        await ConsumeAsync(Answer(announcement, announcement.UploadId, ready: false));
        var refused = await StoredAsync(announcement.Id);

        await ConsumeAsync(Answer(announcement, announcement.UploadId, ready: false));
        await ConsumeAsync(Answer(announcement, announcement.UploadId, ready: true));

        var stored = await StoredAsync(announcement.Id);
        Assert.Equal((AnnouncementState.Refused, "audio.not-audio", refused.ConvertedAt), (stored.State, stored.ErrorCode, stored.ConvertedAt));
        Assert.Equal("This file is not audio the platform reads (it is neither MP3 nor WAV): upload an MP3 or a WAV file.", stored.ErrorMessage);
    }

    [Fact]
    public async Task Answer_NamingAnotherTenant_ChangesNothing()
    {
        var announcement = await AddAsync(_tenant.Id);
        var (other, _) = await SeedTenantAsync(_store, "Beta", numberBlock: "991");

        await ConsumeAsync(Answer(announcement, announcement.UploadId, ready: true) with { TenantId = other.Id });

        Assert.Equal(AnnouncementState.Converting, (await StoredAsync(announcement.Id)).State);
    }

    [Fact]
    public async Task Answer_ForARemovedAnnouncement_IsConsumedWithoutEffect()
    {
        var gone = Announcement.Create(_tenant.Id, UploadedAt);

        await ConsumeAsync(Answer(gone, gone.UploadId, ready: true));

        await using var db = _store.Context();
        Assert.Empty(await db.Announcements.IgnoreQueryFilters().ToListAsync());
    }

    private async Task<Announcement> AddAsync(Guid tenantId)
    {
        var announcement = Announcement.Create(tenantId, UploadedAt);
        await using var db = _store.Context(tenantId);
        db.Announcements.Add(announcement);
        await db.SaveChangesAsync();
        return announcement;
    }

    private async Task<Announcement> StoredAsync(Guid id)
    {
        await using var db = _store.Context(_tenant.Id);
        return await db.Announcements.AsNoTracking().SingleAsync(a => a.Id == id);
    }

    private static AnnouncementConverted Answer(Announcement announcement, Guid uploadId, bool ready) => new()
    {
        TenantId = announcement.TenantId,
        MessageId = Guid.NewGuid(),
        AnnouncementId = announcement.Id,
        UploadId = uploadId,
        Ready = ready,
        Duration = ready ? TimeSpan.FromSeconds(5) : null,
        ErrorCode = ready ? null : "audio.not-audio",
        ErrorMessage = ready ? null : "This file is not audio the platform reads (it is neither MP3 nor WAV): upload an MP3 or a WAV file.",
        OccurredAt = new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc),
    };

    /// <summary>Publishes the answer and waits until the consumer has handled it (without a fault).</summary>
    private async Task ConsumeAsync(AnnouncementConverted answer)
    {
        await _consumers.Harness.Bus.Publish(answer);
        var consumed = await Eventually.GetAsync(
            () => Task.FromResult(_consumers.Harness.Consumed.Select<AnnouncementConverted>(m => m.Context.Message.MessageId == answer.MessageId).FirstOrDefault()),
            TimeSpan.FromSeconds(10),
            "the answer to be consumed");
        Assert.Null(consumed.Exception);
    }
}
