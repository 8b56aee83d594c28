using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Routing;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Infrastructure;

public sealed class RoutingSnapshotStagingTests : IAsyncLifetime
{
    private PortalStore _store = null!;
    private Tenant _tenant = null!;
    private Site _site = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        (_tenant, _site) = await SeedTenantAsync(_store, "Alpha");
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task SaveLine_StagesNextVersionWithTheLine_InTheSameSave()
    {
        var before = await LatestSnapshotAsync();
        await using (var db = _store.Context(_tenant.Id))
        {
            await AddLineAsync(db, _tenant.Id, _site.Id, "+33199000000", Person("Alice", "Martin", "201"));
        }

        var after = await LatestSnapshotAsync();
        Assert.Equal(before.Version + 1, after.Version);
        var line = Assert.Single(after.Lines);
        Assert.Equal(("+33199000000", "201", "Alice Martin", "Fixed"), (line.PublicNumber, line.ShortNumber, line.DisplayName, line.Kind));
        Assert.Equal("33199000000", line.Sip!.Username);
        await using var check = _store.Context(_tenant.Id);
        Assert.Equal(after.Version, (await check.Tenants.SingleAsync(t => t.Id == _tenant.Id)).RoutingVersion);
    }

    [Fact]
    public async Task SaveThatFails_StagesNoSnapshot()
    {
        await using (var db = _store.Context(_tenant.Id))
        {
            await AddLineAsync(db, _tenant.Id, _site.Id, "+33199000000", Person("Alice", "Martin", "201"));
        }

        var before = await CountOutboxAsync();
        await using (var db = _store.Context(_tenant.Id))
        {
            // Same short number: the unique index refuses the second line.
            db.Lines.Add(Line.Create(_tenant.Id, _site.Id, LineKind.Fixed, "+33199000001", Person("Bruno", "Petit", "201"), Now).Value!);
            await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        Assert.Equal(before, await CountOutboxAsync());
        await using var check = _store.Context(_tenant.Id);
        Assert.Single(await check.Lines.ToListAsync());
    }

    [Fact]
    public async Task SaveSiteOnly_StagesNothing()
    {
        var before = await CountOutboxAsync();
        await using (var db = _store.Context(_tenant.Id))
        {
            db.Sites.Add(Site.Create(_tenant.Id, "Lyon", "1 place Bellecour", "69002", "Lyon", Now).Value!);
            await db.SaveChangesAsync();
        }

        Assert.Equal(before, await CountOutboxAsync());
    }

    [Fact]
    public async Task Snapshot_SipCredentials_AreDigestHa1NotThePassword()
    {
        Line line;
        await using (var db = _store.Context(_tenant.Id))
        {
            line = await AddLineAsync(db, _tenant.Id, _site.Id, "+33199000000", Person("Alice", "Martin"));
        }

        var snapshot = await LatestSnapshotAsync();
        var sip = snapshot.Lines.Single().Sip!;
        var a1 = System.Text.Encoding.UTF8.GetBytes($"{line.SipUsername}:{_tenant.SipDomain}:{line.SipPassword}");
#pragma warning disable CA5351 // the digest MD5 algorithm is what is tested
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(a1)), sip.Ha1Md5);
#pragma warning restore CA5351
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(a1)), sip.Ha1Sha256);
        var outbox = await _store.Context().OutboxMessages.Where(m => m.MessageType == typeof(TenantRoutingChanged).FullName).OrderBy(m => m.Sequence).LastAsync();
        Assert.DoesNotContain(line.SipPassword!, outbox.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Credentials_Rfc2617Example_GivesTheKnownHa1()
    {
        // RFC 2617 §3.5: Mufasa / testrealm@host.com / "Circle Of Life".
        var credentials = Telephony.Portal.Infrastructure.Routing.RoutingSnapshotBuilder.Credentials("Mufasa", "testrealm@host.com", "Circle Of Life");

        Assert.Equal("939e7578ed9e3c518a452acee763bce9", credentials.Ha1Md5);
    }

    private async Task<TenantRoutingChanged> LatestSnapshotAsync()
    {
        await using var db = _store.Context();
        var row = await db.OutboxMessages.Where(m => m.TenantId == _tenant.Id && m.MessageType == typeof(TenantRoutingChanged).FullName).OrderBy(m => m.Sequence).LastAsync();
        return JsonSerializer.Deserialize<TenantRoutingChanged>(row.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private async Task<int> CountOutboxAsync()
    {
        await using var db = _store.Context();
        return await db.OutboxMessages.CountAsync();
    }
}
