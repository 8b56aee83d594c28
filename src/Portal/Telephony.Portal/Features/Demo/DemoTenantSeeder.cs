using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Domain.Sites;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Features.Tenants;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Data;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.Demo;

/// <summary>What the embedded host prints so a person can sign in and register a softphone.</summary>
public sealed record DemoTenantSummary(string ManagerEmail, string ManagerPassword, string ApiKey, string SipDomain, IReadOnlyList<DemoSipAccount> SipAccounts);

public sealed record DemoSipAccount(string User, string Password, string Domain, string Number, string? ShortNumber);

/// <summary>Holds the demo tenant's summary once seeded.</summary>
public sealed class DemoTenant
{
    private readonly TaskCompletionSource<DemoTenantSummary> _summary = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task<DemoTenantSummary> Summary => _summary.Task;

    internal void Set(DemoTenantSummary summary) => _summary.TrySetResult(summary);
}

/// <summary>
/// Seeds (once) a demo company with a site in Paris, a pool of fictional numbers (ARCEP
/// reserves 01 99 00 xx xx for fiction), a manager and two Fixed lines, and a neighbour company
/// with one line, through the same use cases the portal uses: calls between companies go by
/// public number, and what one company must not reach of the other can be tried. On later
/// starts it only reads the data back; the demo manager's password lives in the data folder
/// because the database keeps only its hash (the neighbour's manager is only invited).
/// </summary>
internal sealed class DemoTenantSeeder(IServiceScopeFactory scopes, DemoTenant demo, IOptions<DatabaseOptions> database, IHostEnvironment environment) : IHostedService
{
    public const string CompanyName = "Demo Company";
    public const string ManagerEmail = "manager@demo.example.com";
    public const string NeighbourCompanyName = "Neighbour Company";
    public const string NeighbourManagerEmail = "manager@neighbour.example.com";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<PortalDbContext>();
        var tenantContext = services.GetRequiredService<TenantContext>();

        var tenant = await db.Tenants.SingleOrDefaultAsync(t => t.CompanyName == CompanyName, cancellationToken)
            ?? await CreateAsync(services, db, tenantContext, cancellationToken);
        var neighbour = await db.Tenants.SingleOrDefaultAsync(t => t.CompanyName == NeighbourCompanyName, cancellationToken)
            ?? await CreateNeighbourAsync(services, db, tenantContext, cancellationToken);

        string password;
        string apiKey;
        using (tenantContext.Enter(tenant.Id))
        {
            password = await EnsureManagerPasswordAsync(services, db, cancellationToken);
            apiKey = await EnsureApiKeyAsync(db, tenant.Id, services.GetRequiredService<TimeProvider>(), cancellationToken);
        }

        var accounts = new List<DemoSipAccount>();
        foreach (var company in new[] { tenant, neighbour })
        {
            using var _ = tenantContext.Enter(company.Id);
            var lines = await db.Lines.Where(l => l.SipUsername != null).OrderBy(l => l.ShortNumber).ToListAsync(cancellationToken);
            accounts.AddRange(lines.Select(l => new DemoSipAccount(l.SipUsername!, l.SipPassword!, company.SipDomain, l.PublicNumber, l.ShortNumber)));
        }

        demo.Set(new DemoTenantSummary(ManagerEmail, password, apiKey, tenant.SipDomain, accounts));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static async Task<Tenant> CreateAsync(IServiceProvider services, PortalDbContext db, TenantContext tenantContext, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        // Geographic numbers of 01 99 00, and mobile numbers of 06 39 98: both ranges ARCEP keeps for fiction.
        var numbers = Enumerable.Range(0, 50).Select(i => $"+3319900{i:D4}").Concat(Enumerable.Range(0, 10).Select(i => $"+3363998{i:D4}"));
        foreach (var candidate in numbers)
        {
            var number = PoolNumber.Create(candidate).Value!;
            if (!await db.PoolNumbers.AnyAsync(n => n.Number == number.Number, cancellationToken))
            {
                db.PoolNumbers.Add(number);
            }
        }

        await db.SaveChangesAsync(cancellationToken);

        var tenant = Expect(await services.GetRequiredService<CreateTenant>().ExecuteAsync(
            new CreateTenantRequest(
                CompanyName,
                LegalId: null,
                ManagerEmail,
                "Demo Manager",
                new Dictionary<LineKind, int>
                {
                    [LineKind.Fixed] = 10,
                    [LineKind.FixedForMobile] = 2,
                    [LineKind.Mobile] = 2,
                    [LineKind.Analog] = 2,
                    [LineKind.HuntGroup] = 2,
                    [LineKind.Ivr] = 1,
                },
                new Dictionary<LineOption, int> { [LineOption.Collaboration] = 5 }),
            cancellationToken));

        using var _ = tenantContext.Enter(tenant.Id);
        var site = Expect(Site.Create(tenant.Id, "Head office", "10 rue de la Paix", "75002", "Paris", now));
        db.Sites.Add(site);
        await db.SaveChangesAsync(cancellationToken);

        var activate = services.GetRequiredService<ActivateLine>();
        Expect(await activate.ExecuteAsync(ActivateLineRequest.For(site.Id, LineKind.Fixed, new LineIdentity("Alice", "Martin", "alice.martin@demo.example.com", ShortNumber: "201")), cancellationToken));
        Expect(await activate.ExecuteAsync(ActivateLineRequest.For(site.Id, LineKind.Fixed, new LineIdentity("Bruno", "Petit", "bruno.petit@demo.example.com", ShortNumber: "202")), cancellationToken));
        return tenant;
    }

    /// <summary>Another company on the same platform, numbered from the same pool, with line 203.</summary>
    private static async Task<Tenant> CreateNeighbourAsync(IServiceProvider services, PortalDbContext db, TenantContext tenantContext, CancellationToken cancellationToken)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var tenant = Expect(await services.GetRequiredService<CreateTenant>().ExecuteAsync(
            new CreateTenantRequest(
                NeighbourCompanyName,
                LegalId: null,
                NeighbourManagerEmail,
                "Neighbour Manager",
                new Dictionary<LineKind, int> { [LineKind.Fixed] = 2 },
                new Dictionary<LineOption, int>()),
            cancellationToken));

        using var _ = tenantContext.Enter(tenant.Id);
        var site = Expect(Site.Create(tenant.Id, "Neighbour office", "5 avenue de l'Opéra", "75001", "Paris", now));
        db.Sites.Add(site);
        await db.SaveChangesAsync(cancellationToken);
        Expect(await services.GetRequiredService<ActivateLine>().ExecuteAsync(
            ActivateLineRequest.For(site.Id, LineKind.Fixed, new LineIdentity("Chloé", "Bernard", "chloe.bernard@neighbour.example.com", ShortNumber: "203")),
            cancellationToken));
        return tenant;
    }

    private async Task<string> EnsureManagerPasswordAsync(IServiceProvider services, PortalDbContext db, CancellationToken cancellationToken)
    {
        var hasher = services.GetRequiredService<IPasswordHasher<PortalAccount>>();
        var manager = await db.ManagerAccounts.SingleAsync(m => m.Email == ManagerEmail, cancellationToken);
        var file = Path.Combine(Path.GetFullPath(database.Value.DataFolder, environment.ContentRootPath), "demo-manager-password.txt");
        if (File.Exists(file))
        {
            var saved = (await File.ReadAllTextAsync(file, cancellationToken)).Trim();
            if (manager.PasswordHash is not null && hasher.VerifyHashedPassword(manager, manager.PasswordHash, saved) != PasswordVerificationResult.Failed)
            {
                return saved;
            }
        }

        var password = RandomNumberGenerator.GetString("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789", 16);
        manager.SetPasswordHash(hasher.HashPassword(manager, password));
        await db.SaveChangesAsync(cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, password, cancellationToken);
        return password;
    }

    /// <summary>A manager API key of the demo company (A-API), kept in the data folder like the password so it survives restarts.</summary>
    private async Task<string> EnsureApiKeyAsync(PortalDbContext db, Guid tenantId, TimeProvider time, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetFullPath(database.Value.DataFolder, environment.ContentRootPath), "demo-api-key.txt");
        if (File.Exists(file) && ApiKeyToken.TryParse((await File.ReadAllTextAsync(file, cancellationToken)).Trim(), out var keyId, out var secret) &&
            await db.ManagerApiKeys.SingleOrDefaultAsync(k => k.Id == keyId && k.RevokedAt == null, cancellationToken) is { } kept &&
            ApiKeyToken.Matches(secret, kept.SecretHash))
        {
            return (await File.ReadAllTextAsync(file, cancellationToken)).Trim();
        }

        var (key, token) = ManagerApiKey.Issue(tenantId, "Demo", time.GetUtcNow().UtcDateTime);
        db.ManagerApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await File.WriteAllTextAsync(file, token, cancellationToken);
        return token;
    }

    private static T Expect<T>(Domain.Result<T> result) =>
        result.Succeeded ? result.Value! : throw new InvalidOperationException($"Seeding the demo tenant failed: {result.Error!.Message}");
}
