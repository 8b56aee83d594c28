using System.Collections.Concurrent;
using MassTransit;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Telephony.Contracts.Devices;
using Telephony.Provisioning.Devices;
using Telephony.ServiceDefaults;
using Telephony.ServiceDefaults.Messaging;
using Telephony.TestSupport;

namespace Telephony.Provisioning.Tests.Serving;

/// <summary>
/// The Provisioning service as its own host runs it (Kestrel on a loopback port, SQLite in a
/// temporary folder, the in-memory bus), fed device snapshots through the bus as the Portal
/// feeds it, with the events it publishes and its security log captured.
/// </summary>
public sealed class ProvisioningHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string _dataFolder;

    private ProvisioningHost(WebApplication app, string dataFolder, CapturedLogs logs)
    {
        _app = app;
        _dataFolder = dataFolder;
        Logs = logs;
        BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());
    }

    public Uri BaseAddress { get; }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static ConcurrentQueue<object> Published { get; } = new();

    /// <param name="https">Listen over HTTPS only, with a certificate given the way operators give it (Kestrel:Endpoints:Https:Certificate PEM files).</param>
    public static async Task<ProvisioningHost> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, bool https = false)
    {
        var dataFolder = Directory.CreateTempSubdirectory("telephony-provisioning").FullName;
        var url = $"{(https ? "https" : "http")}://127.0.0.1:{FreePorts.Take(1)[0]}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:DataFolder"] = dataFolder,
            ["Messaging:Transport"] = "InMemory",
            ["Provisioning:PublicUrl"] = "https://prov.example.com",
            ["Provisioning:SipServer"] = "sip.example.com:5060",
            ["Provisioning:AllowPlainHttp"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
        });
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        if (https)
        {
            var (certificate, key) = TestCertificates.WriteServerCertificate(dataFolder);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Kestrel:Endpoints:Https:Url"] = url,
                ["Kestrel:Endpoints:Https:Certificate:Path"] = certificate,
                ["Kestrel:Endpoints:Https:Certificate:KeyPath"] = key,
            });
        }
        else
        {
            builder.WebHost.UseUrls(url);
        }

        var logs = new CapturedLogs();
        builder.AddServiceDefaults();
        builder.Logging.AddProvider(logs);
        builder.AddProvisioning();
        builder.Services.AddBusConsumers(bus =>
        {
            bus.AddConsumer<Capture<DeviceResyncRequested>>();
            bus.AddConsumer<Capture<DeviceProvisioned>>();
        });
        builder.AddMessageBus();
        var app = builder.Build();
        app.MapProvisioning();
        await app.StartAsync();
        return new ProvisioningHost(app, dataFolder, logs);
    }

    /// <summary>Publishes a device snapshot as the Portal does and waits until this host serves its version.</summary>
    public async Task ApplyAsync(TenantDevicesChanged snapshot)
    {
        await _app.Services.GetRequiredService<IBus>().Publish(snapshot);
        var devices = _app.Services.GetRequiredService<ProvisionedDevices>();
        await Eventually.TrueAsync(
            () => Task.FromResult(devices.KnownVersions().TryGetValue(snapshot.TenantId, out var held) && held >= snapshot.Version),
            TimeSpan.FromSeconds(10),
            $"device snapshot {snapshot.Version} of {snapshot.TenantId} in force");
    }

    public ProvisionedDevices Devices => _app.Services.GetRequiredService<ProvisionedDevices>();

    /// <summary>A client speaking as <paramref name="userAgent"/>, the way phones ask.</summary>
    /// <param name="clientCertificate">A certificate to present in the TLS handshake, as a phone presents its factory certificate.</param>
    public HttpClient Client(string? userAgent = DeviceSnapshots.YealinkUserAgent, System.Security.Cryptography.X509Certificates.X509Certificate2? clientCertificate = null)
    {
        var handler = new HttpClientHandler
        {
            // The test's own server certificate, as a phone trusts the operator's.
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        };
        if (clientCertificate is not null)
        {
            handler.ClientCertificateOptions = ClientCertificateOption.Manual;
            handler.ClientCertificates.Add(clientCertificate);
        }

        var client = new HttpClient(handler) { BaseAddress = BaseAddress };
        if (userAgent is not null)
        {
            client.DefaultRequestHeaders.TryAddWithoutValidation("User-Agent", userAgent);
        }

        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_dataFolder, recursive: true);
    }

    public sealed class Capture<T> : IConsumer<T>
        where T : class
    {
        public Task Consume(ConsumeContext<T> context)
        {
            Published.Enqueue(context.Message);
            return Task.CompletedTask;
        }
    }
}

/// <summary>Log lines by category, to read the security log.</summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, string Message)> _lines = new();

    public IEnumerable<string> Of(string category) => _lines.Where(l => l.Category == category).Select(l => l.Message);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _lines);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<(string, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                lines.Enqueue((category, formatter(state, exception)));
            }
        }
    }
}
