using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Telephony.Contracts.Devices;
using Telephony.Contracts.Routing;
using Telephony.Portal.Domain.Contacts;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;
using Telephony.TestSupport;
using static Telephony.TestSupport.PortalBuilders;

namespace Telephony.Portal.Tests.Infrastructure;

/// <summary>D-PROV: every configuration change also stages the tenant's device snapshot for Provisioning, with the routing snapshot's version.</summary>
public sealed class DeviceSnapshotStagingTests : IAsyncLifetime
{
    private static readonly Guid YealinkT46U = Guid.Parse("9e1e0000-0000-4000-8000-000000000003");
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
    public async Task SaveHardwareAndKeys_StagesTheDeviceWithItsCredentialsAndKeys_AtTheRoutingVersion()
    {
        Line alice, bruno;
        await using (var db = _store.Context(_tenant.Id))
        {
            bruno = await AddLineAsync(db, _tenant.Id, _site.Id, "+33199000001", Person("Bruno", "Petit", "202"));
            alice = await AddLineAsync(db, _tenant.Id, _site.Id, "+33199000000", Person("Alice", "Martin", "201"));
            var model = await db.PhoneModels.SingleAsync(m => m.Id == YealinkT46U);
            Assert.Null(alice.ChangeHardware(model, "80-5E-C0-00-00-01"));
            Assert.Null(alice.ChangeKeys(
                [new ProgrammableKey(KeyKind.Supervision, LineId: bruno.Id), new ProgrammableKey(KeyKind.Shortcut, Label: "Home", Number: "06 12 34 56 78"), ProgrammableKey.Pickup],
                new LineServiceRules.KeyContext(model.DisplayName, model.ProgrammableKeys, alice.Id, new HashSet<Guid> { bruno.Id })));
            db.DirectoryContacts.Add(DirectoryContact.Create(_tenant.Id, "Plumber", "0140000000", null, Now).Value!);
            await db.SaveChangesAsync();
        }

        var devices = await LatestAsync<TenantDevicesChanged>();
        var routing = await LatestAsync<TenantRoutingChanged>();
        Assert.Equal(routing.Version, devices.Version);
        var device = Assert.Single(devices.Devices);
        Assert.Equal(("805ec0000001", "Yealink", "T46U", "DeskPhone"), (device.Mac, device.Vendor, device.Model, device.Kind));
        Assert.Equal((alice.SipUsername, alice.SipPassword, "201", "Alice Martin"), (device.SipUsername, device.SipPassword, device.ShortNumber, device.DisplayName));
        Assert.Equal(
            [new DeviceKey("Supervision", "Bruno Petit", "202"), new DeviceKey("Shortcut", "Home", "0612345678"), new DeviceKey("Pickup", "Pickup", "*98")],
            device.Keys);
        Assert.Equal(("fr", "Europe/Paris", _tenant.SipDomain), (devices.Language, devices.TimeZone, devices.SipDomain));
        Assert.Equal(
            [new DirectoryListing("Alice Martin", "201", true), new DirectoryListing("Bruno Petit", "202", true), new DirectoryListing("Plumber", "+33140000000", false)],
            devices.Directory);
    }

    [Fact]
    public async Task LineWithoutMac_IsNotADevice()
    {
        await using (var db = _store.Context(_tenant.Id))
        {
            var line = await AddLineAsync(db, _tenant.Id, _site.Id, "+33199000000", Person("Alice", "Martin", "201"));
            Assert.Null(line.ChangeHardware(await db.PhoneModels.SingleAsync(m => m.Id == YealinkT46U), null));
            await db.SaveChangesAsync();
        }

        Assert.Empty((await LatestAsync<TenantDevicesChanged>()).Devices);
    }

    private async Task<T> LatestAsync<T>()
    {
        await using var db = _store.Context();
        var row = await db.OutboxMessages.Where(m => m.TenantId == _tenant.Id && m.MessageType == typeof(T).FullName).OrderBy(m => m.Sequence).LastAsync();
        return JsonSerializer.Deserialize<T>(row.Body, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }
}
