using Telephony.MediaServer.Voicemail;

namespace Telephony.MediaServer.Tests.Voicemail;

/// <summary>V-BOX retention in virtual time: new messages 60 days, saved ones 14 days after being heard or saved.</summary>
public sealed class VoicemailPurgeTests : IAsyncLifetime
{
    private readonly Guid _tenant = Guid.NewGuid();
    private readonly Guid _box = Guid.NewGuid();
    private VoicemailTestHost _host = null!;

    public async Task InitializeAsync() => _host = await VoicemailTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    private async Task<VoicemailMessage> DepositAsync(Guid? tenant = null) =>
        (await _host.Store.DepositAsync(tenant ?? _tenant, _box, VoicemailCaller.Anonymous, VoicemailTestHost.Speech(2), CancellationToken.None))!;

    [Fact]
    public async Task PurgeAsync_NewMessage_IsKept60DaysThenDeletedWithItsAudio()
    {
        var message = await DepositAsync();
        var file = _host.Audio.VoicemailFile(_tenant, _box, message.AudioId);

        _host.Clock.Advance(TimeSpan.FromDays(60) - TimeSpan.FromMinutes(1));
        Assert.Equal(0, await _host.Purge.PurgeAsync(CancellationToken.None));
        Assert.True(File.Exists(file));

        _host.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await _host.Purge.PurgeAsync(CancellationToken.None));
        Assert.Empty(await _host.AllMessagesAsync());
        Assert.False(File.Exists(file));
    }

    [Fact]
    public async Task PurgeAsync_SavedMessage_IsKept14DaysFromWhenItWasHeard()
    {
        var message = await DepositAsync();
        _host.Clock.Advance(TimeSpan.FromDays(50));
        await _host.Store.MarkHeardAsync(_tenant, message.Id, CancellationToken.None);

        _host.Clock.Advance(TimeSpan.FromDays(13));
        Assert.Equal(0, await _host.Purge.PurgeAsync(CancellationToken.None));

        _host.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        Assert.Equal(1, await _host.Purge.PurgeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PurgeAsync_SavingAgain_RestartsTheFourteenDays()
    {
        var message = await DepositAsync();
        await _host.Store.MarkHeardAsync(_tenant, message.Id, CancellationToken.None);
        _host.Clock.Advance(TimeSpan.FromDays(10));
        await _host.Store.SaveAsync(_tenant, message.Id, CancellationToken.None);

        _host.Clock.Advance(TimeSpan.FromDays(10));

        Assert.Equal(0, await _host.Purge.PurgeAsync(CancellationToken.None));
    }

    [Fact]
    public async Task PurgeAsync_PublishesTheNewCountsOfEachBoxItChanged_AndOnlyThose()
    {
        var otherTenant = Guid.NewGuid();
        await DepositAsync();
        await DepositAsync(otherTenant);
        _host.Clock.Advance(TimeSpan.FromDays(30));
        var recent = await DepositAsync();
        var before = (await _host.BoxChangesAsync()).Count;

        _host.Clock.Advance(TimeSpan.FromDays(31));
        Assert.Equal(2, await _host.Purge.PurgeAsync(CancellationToken.None));

        var published = (await _host.BoxChangesAsync()).Skip(before).ToList();
        Assert.Equal(2, published.Count);
        Assert.Equal(1, Assert.Single(published, c => c.TenantId == _tenant).NewMessages);
        Assert.Equal(0, Assert.Single(published, c => c.TenantId == otherTenant).NewMessages);
        Assert.Equal(recent.Id, Assert.Single(await _host.AllMessagesAsync()).Id);
    }

    [Fact]
    public async Task TryTakeAsync_IsHeldByOneInstanceUntilItExpires()
    {
        var lease = TimeSpan.FromMinutes(50);

        Assert.True(await _host.Leases.TryTakeAsync(VoicemailPurgeJob.LeaseName, "media-1", lease, CancellationToken.None));
        Assert.False(await _host.Leases.TryTakeAsync(VoicemailPurgeJob.LeaseName, "media-2", lease, CancellationToken.None));
        Assert.True(await _host.Leases.TryTakeAsync(VoicemailPurgeJob.LeaseName, "media-1", lease, CancellationToken.None));

        _host.Clock.Advance(lease + TimeSpan.FromSeconds(1));
        Assert.True(await _host.Leases.TryTakeAsync(VoicemailPurgeJob.LeaseName, "media-2", lease, CancellationToken.None));
        Assert.False(await _host.Leases.TryTakeAsync(VoicemailPurgeJob.LeaseName, "media-1", lease, CancellationToken.None));
    }

    [Fact]
    public async Task RunOnceAsync_OnASecondInstance_DoesNothingWhileTheFirstHoldsTheLease()
    {
        await DepositAsync();
        _host.Clock.Advance(TimeSpan.FromDays(61));
        var second = _host.PurgeJob("media-2");

        Assert.True(await _host.PurgeJob("media-1").RunOnceAsync(CancellationToken.None));
        Assert.False(await second.RunOnceAsync(CancellationToken.None));
        Assert.Empty(await _host.AllMessagesAsync());

        _host.Clock.Advance(VoicemailPurgeJob.Interval);
        Assert.True(await second.RunOnceAsync(CancellationToken.None));
    }
}
