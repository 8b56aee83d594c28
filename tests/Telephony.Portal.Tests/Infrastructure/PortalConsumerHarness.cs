using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.TestSupport;

namespace Telephony.Portal.Tests.Infrastructure;

/// <summary>
/// Portal consumers on MassTransit's test harness over a SQLite store: each message is handled
/// in its own scope, with its own <see cref="TenantContext"/> and database context, as in the host.
/// </summary>
internal sealed class PortalConsumerHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PortalConsumerHarness(ServiceProvider services)
    {
        _services = services;
        Harness = services.GetRequiredService<ITestHarness>();
    }

    public ITestHarness Harness { get; }

    /// <param name="dependencies">What the consumers need beyond the store (a media server client…).</param>
    public static async Task<PortalConsumerHarness> StartAsync(PortalStore store, Action<IBusRegistrationConfigurator> consumers, Action<IServiceCollection>? dependencies = null)
    {
        var collection = new ServiceCollection()
            .AddSingleton(store.Time)
            .AddScoped<TenantContext>()
            .AddScoped(sp => store.Context(sp.GetRequiredService<TenantContext>()));
        dependencies?.Invoke(collection);
        var services = collection.AddMassTransitTestHarness(consumers).BuildServiceProvider();
        var harness = new PortalConsumerHarness(services);
        await harness.Harness.Start();
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await Harness.Stop();
        await _services.DisposeAsync();
    }
}
