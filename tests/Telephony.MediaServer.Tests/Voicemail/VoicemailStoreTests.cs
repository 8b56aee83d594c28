using Telephony.MediaServer.Voicemail;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.MediaServer.Tests.Voicemail;

public sealed class VoicemailStoreTests : IAsyncLifetime
{
    private readonly Guid _tenant = Guid.NewGuid();
    private readonly Guid _box = Guid.NewGuid();
    private VoicemailTestHost _host = null!;

    public async Task InitializeAsync() => _host = await VoicemailTestHost.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task DepositAsync_KeepsTheMessageAndItsAudio_AndStagesDepositAndCountsInTheOutbox()
    {
        var caller = new VoicemailCaller("+33612345678", "Alice");

        var message = await _host.Store.DepositAsync(_tenant, _box, caller, VoicemailTestHost.Speech(3), CancellationToken.None);

        Assert.NotNull(message);
        Assert.Equal(TimeSpan.FromSeconds(3), message.Duration);
        Assert.Equal(VoicemailState.New, message.State);
        Assert.Equal(VoicemailTestHost.Speech(3), await _host.Store.ReadAudioAsync(_tenant, message.Id, CancellationToken.None));
        var deposited = Assert.Single(await _host.OutboxAsync<Contracts.Voicemail.VoicemailDeposited>());
        Assert.Equal((_tenant, _box, message.Id, "+33612345678", "Alice", TimeSpan.FromSeconds(3)),
            (deposited.TenantId, deposited.BoxId, deposited.VoicemailMessageId, deposited.Caller, deposited.CallerName, deposited.Duration));
        var changed = (await _host.BoxChangesAsync())[^1];
        Assert.Equal((_tenant, _box, 1, 0), (changed.TenantId, changed.BoxId, changed.NewMessages, changed.SavedMessages));
    }

    [Fact]
    public async Task DepositAsync_UnderOneSecond_IsNotKept()
    {
        var message = await _host.Store.DepositAsync(_tenant, _box, VoicemailCaller.Anonymous, VoicemailTestHost.Speech(0.8), CancellationToken.None);

        Assert.Null(message);
        Assert.Empty(await _host.AllMessagesAsync());
        Assert.False(Directory.Exists(Path.Combine(_host.Audio.Root, _tenant.ToString(), "voicemail", _box.ToString()))
            && Directory.EnumerateFiles(Path.Combine(_host.Audio.Root, _tenant.ToString(), "voicemail", _box.ToString())).Any());
    }

    [Fact]
    public async Task DepositAsync_WhenTheBoxHoldsFourHours_IsRefusedAndTheAudioRemoved()
    {
        // Stored as if left over the weeks: 16 messages of 15 minutes, 4 hours exactly.
        for (var i = 0; i < 16; i++)
        {
            await _host.SeedMessageAsync(_tenant, _box, TimeSpan.FromMinutes(15));
        }

        var box = await _host.Store.OpenAsync(_tenant, _box, CancellationToken.None);
        var refused = await _host.Store.DepositAsync(_tenant, _box, VoicemailCaller.Anonymous, VoicemailTestHost.Speech(2), CancellationToken.None);

        Assert.True(box.IsFull);
        Assert.Null(refused);
        Assert.Equal(16, (await _host.AllMessagesAsync()).Count);
        Assert.Equal(16, Directory.EnumerateFiles(Path.Combine(_host.Audio.Root, _tenant.ToString(), "voicemail", _box.ToString())).Count());
    }

    [Fact]
    public async Task EveryChange_PublishesTheCountsWithAStrictlyIncreasingVersion()
    {
        var first = await _host.Store.DepositAsync(_tenant, _box, VoicemailCaller.Anonymous, VoicemailTestHost.Speech(2), CancellationToken.None);
        var second = await _host.Store.DepositAsync(_tenant, _box, VoicemailCaller.Anonymous, VoicemailTestHost.Speech(2), CancellationToken.None);
        await _host.Store.MarkHeardAsync(_tenant, first!.Id, CancellationToken.None);
        await _host.Store.DeleteAsync(_tenant, second!.Id, CancellationToken.None);
        await _host.Store.MarkNewAsync(_tenant, first.Id, CancellationToken.None);

        var changes = await _host.BoxChangesAsync();

        Assert.Equal([(1, 0), (2, 0), (1, 1), (0, 1), (1, 0)], changes.Select(c => (c.NewMessages, c.SavedMessages)));
        Assert.Equal(changes.Select(c => c.Version).Order(), changes.Select(c => c.Version));
        Assert.Equal(changes.Count, changes.Select(c => c.Version).Distinct().Count());
        Assert.Equal(changes.Count, changes.Select(c => c.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task ConcurrentDeposits_EachGetTheirOwnVersion()
    {
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ =>
            _host.Store.DepositAsync(_tenant, _box, VoicemailCaller.Anonymous, VoicemailTestHost.Speech(1.5), CancellationToken.None)));

        var changes = await _host.BoxChangesAsync();
        Assert.Equal(6, (await _host.AllMessagesAsync()).Count);
        Assert.Equal(changes.Count, changes.Select(c => c.Version).Distinct().Count());
        Assert.Equal(6, changes.MaxBy(c => c.Version)!.NewMessages);
    }

    [Fact]
    public async Task MessagesOfAnotherTenant_AreNotFoundNorChanged()
    {
        var message = await _host.Store.DepositAsync(_tenant, _box, VoicemailCaller.Anonymous, VoicemailTestHost.Speech(2), CancellationToken.None);
        var other = Guid.NewGuid();

        Assert.Null(await _host.Store.FindAsync(other, message!.Id, CancellationToken.None));
        Assert.Null(await _host.Store.ReadAudioAsync(other, message.Id, CancellationToken.None));
        Assert.Empty(await _host.Store.ListAsync(other, _box, null, CancellationToken.None));
        Assert.False(await _host.Store.MarkHeardAsync(other, message.Id, CancellationToken.None));
        Assert.False(await _host.Store.DeleteAsync(other, message.Id, CancellationToken.None));
        Assert.Equal(VoicemailState.New, Assert.Single(await _host.AllMessagesAsync()).State);
    }

    [Fact]
    public async Task SetPinAsync_StoresASaltedHashOnly_WhichChecksThePin()
    {
        await _host.Store.SetPinAsync(_tenant, _box, "4321", CancellationToken.None);

        var hash = await _host.PinHashAsync(_tenant, _box);
        Assert.NotNull(hash);
        Assert.DoesNotContain("4321", hash, StringComparison.Ordinal);
        Assert.True(await _host.Store.CheckPinAsync(_tenant, _box, "4321", CancellationToken.None));
        Assert.False(await _host.Store.CheckPinAsync(_tenant, _box, "1234", CancellationToken.None));
        Assert.False(await _host.Store.CheckPinAsync(Guid.NewGuid(), _box, "4321", CancellationToken.None));
    }

    [Fact]
    public async Task SetGreetingAsync_ReplacesTheOldGreetingAudio()
    {
        await _host.Store.SetGreetingAsync(_tenant, _box, VoicemailTestHost.Speech(2), nameOnly: false, CancellationToken.None);
        var first = (await _host.Store.OpenAsync(_tenant, _box, CancellationToken.None)).GreetingAudioId!.Value;

        await _host.Store.SetGreetingAsync(_tenant, _box, VoicemailTestHost.Speech(1.5), nameOnly: true, CancellationToken.None);

        var box = await _host.Store.OpenAsync(_tenant, _box, CancellationToken.None);
        Assert.Null(box.GreetingAudioId);
        Assert.NotNull(await _host.Store.ReadBoxAudioAsync(_tenant, _box, box.NameAudioId!.Value, CancellationToken.None));
        Assert.Null(await _host.Store.ReadBoxAudioAsync(_tenant, _box, first, CancellationToken.None));
    }

    [Fact]
    public void VoicemailPin_Hash_IsSaltedAndRefusesWhatIsNotAPin()
    {
        Assert.NotEqual(VoicemailPin.Hash("1234"), VoicemailPin.Hash("1234"));
        Assert.True(VoicemailPin.Verify("12345678", VoicemailPin.Hash("12345678")));
        Assert.False(VoicemailPin.Verify("1234", "not-a-hash"));
        Assert.Throws<ArgumentException>(() => VoicemailPin.Hash("123"));
        Assert.Throws<ArgumentException>(() => VoicemailPin.Hash("123456789"));
        Assert.Throws<ArgumentException>(() => VoicemailPin.Hash("12a4"));
    }
}
