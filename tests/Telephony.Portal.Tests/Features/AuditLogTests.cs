using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Audit;
using Telephony.Portal.Domain.Devices;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features;
using Telephony.Portal.Features.Audit;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.SignIn;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Features;

/// <summary>A-AUDIT: every configuration change is recorded with the save that makes it, and only there.</summary>
public sealed class AuditLogTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Start = new(2026, 12, 3, 10, 0, 0, TimeSpan.Zero);
    private readonly ManualTimeProvider _time = new(Start);
    private PortalStore _store = null!;
    private Tenant _alpha = null!;
    private Site _alphaSite = null!;
    private Tenant _beta = null!;
    private Line _alice = null!;

    public async Task InitializeAsync()
    {
        _store = await PortalStore.SqliteAsync();
        _store.Time = _time;
        (_alpha, _alphaSite) = await SeedTenantAsync(_store, "Alpha");
        (_beta, _) = await SeedTenantAsync(_store, "Beta", numberBlock: "991");
        await using var db = _store.Context(_alpha.Id);
        _alice = await AddLineAsync(db, _alpha.Id, _alphaSite.Id, "+33199000000", Person("Alice", "Martin", "201"));
        _time.Advance(TimeSpan.FromMinutes(5));
    }

    public async Task DisposeAsync() => await _store.DisposeAsync();

    [Fact]
    public async Task ChangeForwarding_RecordsWhoWhenTenantAndOnlyTheChangedSettings()
    {
        await using (var db = _store.Context(_alpha.Id, Manager("boss@alpha.test")))
        {
            var changed = await new ChangeLineServices(db, Manager("boss@alpha.test"))
                .ForwardingAsync(_alice.Id, Forwarding.DefaultsFor(LineKind.Fixed) with { Busy = new Forward(true, ForwardTarget.Number, "0612345678") }, default);
            Assert.True(changed.Succeeded);
        }

        var entry = Assert.Single(await LineEntriesAsync(_alpha.Id, _alice.Id), e => e.Action == AuditAction.Changed);
        Assert.Equal((_alpha.Id, Start.UtcDateTime.AddMinutes(5), "Manager", "boss@alpha.test"), (entry.TenantId, entry.OccurredAt, entry.ActorRole, entry.ActorName));
        Assert.Equal(("Line", _alice.Id.ToString(), "Alice Martin (+33199000000)"), (entry.ObjectType, entry.ObjectId, entry.Label));
        Assert.Equal(
            """{"services.forwarding.busy.target":"Voicemail","services.forwarding.busy.number":null}""",
            entry.Before);
        Assert.Equal(
            """{"services.forwarding.busy.target":"Number","services.forwarding.busy.number":"+33612345678"}""",
            entry.After);
    }

    [Fact]
    public async Task RefusedChange_RecordsNothing()
    {
        await using (var db = _store.Context(_alpha.Id, Manager("boss@alpha.test")))
        {
            var refused = await new ChangeLineServices(db, Manager("boss@alpha.test"))
                .ForwardingAsync(_alice.Id, new Forwarding { Immediate = new Forward(true, ForwardTarget.Number, "0899123456") }, default);
            Assert.False(refused.Succeeded);
        }

        Assert.DoesNotContain(await LineEntriesAsync(_alpha.Id, _alice.Id), e => e.Action == AuditAction.Changed);
    }

    [Fact]
    public async Task FailedSave_RecordsNothing_AndItsRecordsAreNotCommittedByTheNextSave()
    {
        await using var db = _store.Context(_alpha.Id, Manager("boss@alpha.test"));
        var site = Site.Create(_alpha.Id, "Lyon", "1 rue de la République", "69001", "Lyon", Now).Value!;
        var twin = Line.Create(_alpha.Id, _alphaSite.Id, LineKind.Fixed, _alice.PublicNumber, Person("Alice", "Twin"), Now).Value!;
        db.Sites.Add(site);
        db.Lines.Add(twin);

        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        await using (var check = _store.Context(_alpha.Id))
        {
            Assert.Empty(await check.AuditEntries.Where(e => e.ObjectId == site.Id.ToString() || e.ObjectId == twin.Id.ToString()).ToListAsync());
        }

        db.Entry(twin).State = EntityState.Detached;
        await db.SaveChangesAsync();

        await using var after = _store.Context(_alpha.Id);
        var entry = Assert.Single(await after.AuditEntries.Where(e => e.ObjectId == site.Id.ToString() || e.ObjectId == twin.Id.ToString()).ToListAsync());
        Assert.Equal((AuditAction.Created, "Site"), (entry.Action, entry.ObjectType));
    }

    [Fact]
    public async Task CreatedAndDeleted_CarryTheWholeObject()
    {
        var site = Site.Create(_alpha.Id, "Lyon", "1 rue de la République", "69001", "Lyon", Now).Value!;
        await using (var db = _store.Context(_alpha.Id, Manager("boss@alpha.test")))
        {
            db.Sites.Add(site);
            await db.SaveChangesAsync();
            _time.Advance(TimeSpan.FromSeconds(1));
            db.Sites.Remove(site);
            await db.SaveChangesAsync();
        }

        await using var check = _store.Context(_alpha.Id);
        var entries = await check.AuditEntries.Where(e => e.ObjectId == site.Id.ToString()).OrderBy(e => e.OccurredAt).ToListAsync();
        Assert.Equal([AuditAction.Created, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.Null(entries[0].Before);
        var created = JsonDocument.Parse(entries[0].After!).RootElement;
        Assert.Equal(("Lyon", "69001", "LYON", "SouthEast"), (created.GetProperty("name").GetString(), created.GetProperty("postcode").GetString(), created.GetProperty("city").GetString(), created.GetProperty("zone").GetString()));
        Assert.False(created.TryGetProperty("tenantId", out _));
        Assert.Equal(entries[0].After, entries[1].Before);
        Assert.Null(entries[1].After);
    }

    [Fact]
    public async Task Secrets_NeverAppearInTheLog()
    {
        string token;
        string passwordHash;
        Line bruno;
        await using (var db = _store.Context(_alpha.Id, Manager("boss@alpha.test")))
        {
            bruno = await AddLineAsync(db, _alpha.Id, _alphaSite.Id, "+33199000001", Person("Bruno", "Petit"));
            (var key, token) = ManagerApiKey.Issue(_alpha.Id, "Billing", Now);
            db.ManagerApiKeys.Add(key);
            var manager = ManagerAccount.Create(_alpha.Id, "second@alpha.test", "Second", Now);
            db.ManagerAccounts.Add(manager);
            await db.SaveChangesAsync();
            manager.SetPasswordHash("AQAAAAIAAYagAAAAEFakeHashFakeHashFakeHash==");
            passwordHash = manager.PasswordHash!;
            await db.SaveChangesAsync();
            manager.RecordFailedSignIn(Now);
            manager.RecordFailedSignIn(Now);
            await db.SaveChangesAsync();
        }

        await using var check = _store.Context(_alpha.Id);
        var entries = await check.AuditEntries.ToListAsync();
        var secretHash = (await check.ManagerApiKeys.SingleAsync()).SecretHash;
        var text = string.Join("\n", entries.Select(e => $"{e.Label} {e.Before} {e.After}"));
        Assert.DoesNotContain(bruno.SipPassword!, text, StringComparison.Ordinal);
        Assert.DoesNotContain(secretHash, text, StringComparison.Ordinal);
        Assert.DoesNotContain(token.Split('_')[2], text, StringComparison.Ordinal);
        Assert.DoesNotContain(passwordHash, text, StringComparison.Ordinal);
        Assert.DoesNotContain("failedSignIns", text, StringComparison.Ordinal);

        var line = entries.Single(e => e.ObjectId == bruno.Id.ToString());
        Assert.Equal("********", JsonDocument.Parse(line.After!).RootElement.GetProperty("sipPassword").GetString());
        var password = entries.Single(e => e.ObjectType == "ManagerAccount" && e.Action == AuditAction.Changed);
        Assert.Equal(("""{"passwordHash":null}""", """{"passwordHash":"********"}"""), (password.Before, password.After));
        Assert.Equal(2, entries.Count(e => e.ObjectType == "ManagerAccount")); // the failed sign-ins made no record
        Assert.Equal("********", JsonDocument.Parse(entries.Single(e => e.ObjectType == "ApiKey").After!).RootElement.GetProperty("secretHash").GetString());
    }

    [Fact]
    public async Task PlatformObjects_AreRecordedWithoutTenant_NamingTheCompanyConcerned()
    {
        var model = PhoneModel.Create("Snom", "D785", PhoneKind.DeskPhone, 24, 12).Value!;
        await using (var db = _store.Context(actor: Operator()))
        {
            db.PhoneModels.Add(model);
            (await db.Tenants.SingleAsync(t => t.Id == _beta.Id)).Suspend();
            await db.SaveChangesAsync();
        }

        await using var check = _store.Context();
        var records = await check.PlatformAuditEntries.Where(e => e.ActorRole == "Operator").ToListAsync();
        var phone = records.Single(e => e.ObjectType == "PhoneModel");
        Assert.Equal((AuditAction.Created, (Guid?)null, "op@platform.test", "Snom D785"), (phone.Action, phone.CompanyId, phone.ActorName, phone.Label));
        var suspension = records.Single(e => e.ObjectType == "Tenant");
        Assert.Equal((AuditAction.Changed, (Guid?)_beta.Id, """{"status":"Active"}""", """{"status":"Suspended"}"""), (suspension.Action, suspension.CompanyId, suspension.Before, suspension.After));
    }

    [Fact]
    public async Task ForCompany_ListsOnlyItsOwnRecords_NewestFirst()
    {
        await using (var db = _store.Context(_beta.Id, Manager("boss@beta.test")))
        {
            db.Sites.Add(Site.Create(_beta.Id, "Beta Lyon", "1 rue de la République", "69001", "Lyon", Now).Value!);
            await db.SaveChangesAsync();
        }

        await using var asBeta = _store.Context(_beta.Id);
        var log = new AuditLog(asBeta);
        var all = (await log.ForCompanyAsync(new AuditQuery(), PageRequest.Of(1, 100), default)).Value!;
        Assert.NotEmpty(all.Items);
        Assert.All(all.Items, e => Assert.Equal(_beta.Id, e.TenantId));
        Assert.Equal("Beta Lyon", all.Items[0].Label);
        Assert.Equal(all.Items.OrderByDescending(e => e.OccurredAt).Select(e => e.Id), all.Items.Select(e => e.Id));
        Assert.Empty((await log.ForCompanyAsync(new AuditQuery(ObjectId: _alice.Id.ToString()), PageRequest.Of(1, 100), default)).Value!.Items);
    }

    [Fact]
    public async Task AcrossCompanies_MergesCompaniesAndPlatform_FilteredAndPaged()
    {
        await using (var db = _store.Context(actor: Operator()))
        {
            (await db.Tenants.SingleAsync(t => t.Id == _alpha.Id)).Suspend();
            await db.SaveChangesAsync();
        }

        await using var asOperator = _store.Context();
        var log = new AuditLog(asOperator);
        var alpha = (await log.AcrossCompaniesAsync(new AuditQuery(CompanyId: _alpha.Id), PageRequest.Of(1, 100), default)).Value!;
        Assert.Contains(alpha.Items, e => e.TenantId is null && e.ObjectType == "Tenant" && e.Action == AuditAction.Changed);
        Assert.Contains(alpha.Items, e => e.TenantId == _alpha.Id && e.ObjectType == "Line");
        Assert.All(alpha.Items, e => Assert.Equal((Guid?)_alpha.Id, e.CompanyId));
        Assert.Equal("Alpha", alpha.Items[0].CompanyName);

        var firstPage = (await log.AcrossCompaniesAsync(new AuditQuery(CompanyId: _alpha.Id), PageRequest.Of(1, 2), default)).Value!;
        var secondPage = (await log.AcrossCompaniesAsync(new AuditQuery(CompanyId: _alpha.Id), PageRequest.Of(2, 2), default)).Value!;
        Assert.Equal(alpha.Total, firstPage.Total);
        Assert.Equal(alpha.Items.Take(4).Select(e => e.Id), firstPage.Items.Concat(secondPage.Items).Select(e => e.Id));

        var lines = (await log.AcrossCompaniesAsync(new AuditQuery(ObjectType: "Line", From: Start.UtcDateTime, To: Start.UtcDateTime.AddMinutes(1)), PageRequest.Of(1, 100), default)).Value!;
        Assert.Equal([_alice.Id.ToString()], lines.Items.Select(e => e.ObjectId));
        Assert.False((await log.AcrossCompaniesAsync(new AuditQuery(From: Start.UtcDateTime, To: Start.UtcDateTime), PageRequest.Of(1, 10), default)).Succeeded);
    }

    [Fact]
    public void ChangesOf_PairsEachPropertyBeforeAndAfter()
    {
        var changes = AuditLog.ChangesOf("""{"name":"Old","count":1}""", """{"name":"New","count":2,"tags":["a"]}""");

        Assert.Equal(
            [new AuditChange("name", "Old", "New"), new AuditChange("count", "1", "2"), new AuditChange("tags", null, """["a"]""")],
            changes);
    }

    private async Task<List<AuditEntry>> LineEntriesAsync(Guid tenantId, Guid lineId)
    {
        await using var db = _store.Context(tenantId);
        return await db.AuditEntries.Where(e => e.ObjectId == lineId.ToString()).ToListAsync();
    }

    private static Actor Manager(string login) => Actor.From(Principal(PortalRoles.Manager, login));

    private static Actor Operator() => Actor.From(Principal(PortalRoles.Operator, "op@platform.test"));

    private static ClaimsPrincipal Principal(string role, string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Role, role), new Claim(ClaimTypes.Name, name)], "test"));
}
