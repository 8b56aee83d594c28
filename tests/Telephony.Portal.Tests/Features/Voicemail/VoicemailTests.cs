using System.Security.Claims;
using MassTransit;
using Telephony.Portal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Contracts.Voicemail;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Features.Voicemail;
using Telephony.Portal.Infrastructure.Media;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Features.Voicemail;

/// <summary>
/// V-WEB and V-EMAIL in the Portal: a line's box read from the media server (a message of
/// another box is 404), and a deposit told by e-mail as the line asks, once.
/// </summary>
public sealed class VoicemailTests : IAsyncLifetime
{
    private static readonly DateTime ReceivedAt = new(2026, 12, 4, 14, 5, 0, DateTimeKind.Utc);
    private readonly FakeMediaServer _media = new();
    private PortalStore _store = null!;
    private PortalConsumerHarness _consumers = null!;
    private Tenant _tenant = null!;
    private Site _site = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        _store.Time = new ManualTimeProvider(new DateTimeOffset(ReceivedAt));
        (_tenant, _site) = await SeedTenantAsync(_store, "Alpha");
        _consumers = await PortalConsumerHarness.StartAsync(_store, bus => bus.AddConsumer<VoicemailDepositedConsumer>(), services => services.AddSingleton(_media.Client()));
    }

    public async Task DisposeAsync()
    {
        await _consumers.DisposeAsync();
        await _store.DisposeAsync();
        _media.Dispose();
    }

    [Fact]
    public async Task Deposit_OnALineNotifyingWithAudio_QueuesOneMailWithTheMp3Attached_EvenWhenRedelivered()
    {
        var line = await AddLineAsync(new VoicemailNotification { Mode = VoicemailNotificationMode.NotifyWithAudio, Email = "alice@alpha.test", AudioFormat = VoicemailAudioFormat.Mp3 });
        var deposit = Deposit(line.Id);
        _media.Audio($"GET /internal/voicemail/{_tenant.Id:D}/messages/{deposit.VoicemailMessageId:D}/audio", [1, 2, 3], "audio/mpeg");

        await ConsumeAsync(deposit);
        await ConsumeAsync(deposit with { MessageId = Guid.NewGuid() });

        await using var db = _store.Context();
        var mail = Assert.Single(await db.OutgoingMails.ToListAsync());
        Assert.Equal("alice@alpha.test", mail.To);
        Assert.Equal("Nouveau message vocal de +33612345678", mail.Subject);
        Assert.Contains("vous a laissé un message de 1 min 05 s le vendredi 4 décembre 2026 à 15:05", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(("voicemail-20261204-140500.mp3", "audio/mpeg"), (mail.Attachment!.FileName, mail.Attachment.ContentType));
        Assert.Equal([1, 2, 3], mail.Attachment.Content);
        Assert.Single(_media.Asked, a => a.EndsWith("/audio?format=mp3", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Deposit_OnALineNotifyingWithoutAudio_QueuesAMailWithoutAskingForTheAudio()
    {
        var line = await AddLineAsync(new VoicemailNotification { Mode = VoicemailNotificationMode.Notify, Email = "alice@alpha.test" });

        await ConsumeAsync(Deposit(line.Id) with { Caller = null });

        await using var db = _store.Context();
        var mail = Assert.Single(await db.OutgoingMails.ToListAsync());
        Assert.Equal("Nouveau message vocal de un numéro masqué", mail.Subject);
        Assert.Null(mail.Attachment);
        Assert.Empty(_media.Asked);
    }

    [Fact]
    public async Task Deposit_OnALineWithNotificationOff_OrOfAnotherTenant_QueuesNothing()
    {
        var quiet = await AddLineAsync(new VoicemailNotification());
        var notifying = await AddLineAsync(new VoicemailNotification { Mode = VoicemailNotificationMode.Notify, Email = "alice@alpha.test" }, "+33199000001");
        var (other, _) = await SeedTenantAsync(_store, "Beta", numberBlock: "991");

        await ConsumeAsync(Deposit(quiet.Id));
        await ConsumeAsync(Deposit(notifying.Id) with { TenantId = other.Id });

        await using var db = _store.Context();
        Assert.Empty(await db.OutgoingMails.ToListAsync());
    }

    [Fact]
    public async Task Box_CountsTheMediaServersMessagesNewAndSaved_AndListsThem()
    {
        var line = await AddLineAsync(new VoicemailNotification());
        var message = new VoicemailMessageInfo(Guid.NewGuid(), line.Id, "+33612345678", null, ReceivedAt, 65.2, VoicemailMessageState.New, null);
        _media.Json($"GET /internal/voicemail/{_tenant.Id:D}/boxes/{line.Id:D}/messages", new[] { message });

        var box = await VoicemailOf(Manager()).GetAsync(line.Id, CancellationToken.None);

        Assert.True(box.Succeeded, box.Error?.Message);
        Assert.Equal((1, 0), (box.Value!.NewMessages, box.Value.SavedMessages));
        Assert.Equal(message, Assert.Single(box.Value.Messages));
    }

    [Fact]
    public async Task Audio_OfAMessageOfAnotherBox_Is404_AndAUserSeesOnlyTheirOwnLine()
    {
        var alice = await AddLineAsync(new VoicemailNotification());
        var bruno = await AddLineAsync(new VoicemailNotification(), "+33199000001");
        var brunosMessage = Guid.NewGuid();
        _media.Json($"GET /internal/voicemail/{_tenant.Id:D}/messages/{brunosMessage:D}", new VoicemailMessageInfo(brunosMessage, bruno.Id, null, null, ReceivedAt, 3, VoicemailMessageState.New, null));

        var viaAlice = await VoicemailOf(Manager()).AudioAsync(alice.Id, brunosMessage, "wav", CancellationToken.None);
        var asAlice = await VoicemailOf(UserOf(alice.Id)).GetAsync(bruno.Id, CancellationToken.None);

        Assert.Equal("voicemail.message-not-found", viaAlice.Error?.Code);
        Assert.Equal("line.not-found", asAlice.Error?.Code);
        Assert.DoesNotContain(_media.Asked, a => a.Contains("/audio", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Box_WhenTheMediaServerIsDown_IsUnavailable()
    {
        var line = await AddLineAsync(new VoicemailNotification());
        _media.Down = true;

        var box = await VoicemailOf(Manager()).GetAsync(line.Id, CancellationToken.None);

        Assert.Equal(ErrorKind.Unavailable, box.Error?.Kind);
    }

    private LineVoicemail VoicemailOf(Actor actor)
    {
        var tenant = new TenantContext();
        tenant.Enter(_tenant.Id);
        return new LineVoicemail(_store.Context(tenant), actor, tenant, _media.Client());
    }

    private static Actor Manager() =>
        Actor.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, PortalRoles.Manager)], "test")));

    private static Actor UserOf(Guid lineId) =>
        Actor.From(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Role, PortalRoles.User), new Claim(PortalClaims.LineId, lineId.ToString())], "test")));

    private async Task<Line> AddLineAsync(VoicemailNotification notification, string number = "+33199000000")
    {
        await using var db = _store.Context(_tenant.Id);
        var line = await PortalBuilders.AddLineAsync(db, _tenant.Id, _site.Id, number, Person("Person", number[^4..]));
        Assert.Null(line.ChangeVoicemailNotification(notification));
        await db.SaveChangesAsync();
        return line;
    }

    private VoicemailDeposited Deposit(Guid boxId) => new()
    {
        TenantId = _tenant.Id,
        MessageId = Guid.NewGuid(),
        BoxId = boxId,
        VoicemailMessageId = Guid.NewGuid(),
        Caller = "+33612345678",
        ReceivedAt = ReceivedAt,
        Duration = TimeSpan.FromSeconds(65.2),
        OccurredAt = ReceivedAt,
    };

    private async Task ConsumeAsync(VoicemailDeposited message)
    {
        await _consumers.Harness.Bus.Publish(message);
        // Polled: the harness's Any gives up early once an earlier message made it idle.
        var consumed = await Eventually.GetAsync(
            () => Task.FromResult(_consumers.Harness.Consumed.Select<VoicemailDeposited>(m => m.Context.Message.MessageId == message.MessageId).FirstOrDefault()),
            TimeSpan.FromSeconds(10),
            "the deposit to be consumed");
        Assert.Null(consumed.Exception);
    }
}
