using System.Net.Http.Headers;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Portal;
using Telephony.Portal.Domain.Lines;
using Telephony.Portal.Domain.Numbering;
using Telephony.Portal.Domain.Tenants;
using Telephony.Portal.Features.ApiKeys;
using Telephony.Portal.Features.Tenants;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults;
using Telephony.ServiceDefaults.Messaging;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.TestSupport;

/// <summary>
/// The Portal as its own host runs it (Kestrel on a loopback port, SQLite in a temporary
/// folder, the in-memory bus), for tests that go through HTTP: the REST API and its
/// authentication, problem details and tenancy.
/// </summary>
public sealed class PortalApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataFolder;

    private PortalApiHost(WebApplication app, string dataFolder)
    {
        _app = app;
        _dataFolder = dataFolder;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public Uri BaseAddress { get; }

    public IServiceProvider Services => _app.Services;

    /// <param name="settings">Configuration over the defaults (another database, RabbitMQ).</param>
    /// <param name="addServices">Other services to host beside the Portal (CallControl, to watch events arrive).</param>
    public static async Task<PortalApiHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, Action<WebApplicationBuilder>? addServices = null)
    {
        var dataFolder = Directory.CreateTempSubdirectory("telephony-portal-api").FullName;
        var url = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataFolder"] = dataFolder,
            ["Messaging:Transport"] = "InMemory",
            ["Portal:PublicUrl"] = url,
            ["Logging:PlainConsole"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Logging:LogLevel:Microsoft.AspNetCore.DataProtection"] = "Error",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.WebHost.UseUrls(url);
        builder.AddServiceDefaults();
        builder.AddPortal();
        addServices?.Invoke(builder);
        builder.AddMessageBus();
        var app = builder.Build();
        app.UsePortal();
        app.MapPortal();
        await app.StartAsync();
        return new PortalApiHost(app, dataFolder);
    }

    /// <summary>An HTTP client for the API, with <paramref name="token"/> as its bearer key when given.</summary>
    public HttpClient Client(string? token = null)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        if (token is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return client;
    }

    /// <summary>Runs <paramref name="action"/> in a request-like scope acting for <paramref name="tenantId"/> (or for nobody).</summary>
    public async Task<T> InScopeAsync<T>(Guid? tenantId, Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>();
        using var entered = tenantId is { } id ? tenant.Enter(id) : null;
        return await action(scope.ServiceProvider);
    }

    /// <summary>Adds a block of free numbers to the pool (fictional 01 99 ranges unless told).</summary>
    public Task AddPoolNumbersAsync(string first, int count) =>
        InScopeAsync<object?>(null, async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var start = long.Parse(PhoneNumber.ToE164(first).Value![3..], System.Globalization.CultureInfo.InvariantCulture);
            for (var i = 0; i < count; i++)
            {
                db.PoolNumbers.Add(PoolNumber.Create("+33" + (start + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).Value!);
            }

            await db.SaveChangesAsync();
            return null;
        });

    /// <summary>A company (through the operator's use case) and a manager API key for it.</summary>
    public async Task<(Guid TenantId, string Token)> CreateCompanyAsync(string name, int fixedPlans = 5)
    {
        var tenant = await InScopeAsync(null, async services => (await services.GetRequiredService<CreateTenant>().ExecuteAsync(
            new CreateTenantRequest(name, null, $"boss@{SipDomainName.LabelFrom(name)}.example.com", "Boss", new Dictionary<LineKind, int> { [LineKind.Fixed] = fixedPlans, [LineKind.Analog] = 1 }, new Dictionary<LineOption, int>()),
            CancellationToken.None)).Value!);
        var key = await InScopeAsync(tenant.Id, async services => (await services.GetRequiredService<ApiKeys>().IssueAsync(new IssueApiKeyRequest("tests"), CancellationToken.None)).Value!);
        return (tenant.Id, key.Token);
    }

    /// <summary>A platform (operator) API key.</summary>
    public async Task<string> OperatorTokenAsync() =>
        (await InScopeAsync(null, async services => (await services.GetRequiredService<ApiKeys>().IssueAsync(new IssueApiKeyRequest("operator tests"), CancellationToken.None)).Value!)).Token;

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }
}
