using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Contracts.Voicemail;
using Telephony.MediaServer.Audio;
using Telephony.MediaServer.Persistence;
using Telephony.MediaServer.Tests.Audio;
using Telephony.MediaServer.Voicemail;
using Telephony.ServiceDefaults.Messaging;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.TestSupport;

namespace Telephony.MediaServer.Tests.Voicemail;

/// <summary>
/// The voicemail's services on a real store: a SQLite file migrated by the hand-written
/// migrations, the audio store in a temporary folder, a clock the test moves.
/// </summary>
internal sealed class VoicemailTestHost : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly TestFolder _folder = new();
    private readonly ServiceProvider _services;

    private VoicemailTestHost(ManualTimeProvider clock)
    {
        Clock = clock;
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddScoped<TenantContext>();
        var database = Path.Combine(_folder.Path, "mediaserver.db");
        services.AddDbContext<MediaServerDbContext>((sp, db) => db
            .UseSqlite($"Data Source={database};Pooling=false")
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .AddInterceptors(new TenantGuardInterceptor(sp.GetRequiredService<TenantContext>())));
        services.AddSingleton(AudioTestTools.Store(_folder.Path));
        services.AddSingleton<PromptLibrary>();
        services.AddSingleton<OutboxSignal<MediaServerDbContext>>();
        services.AddOptions<MessagingOptions>();
        services.AddVoicemail();
        _services = services.BuildServiceProvider();
    }

    public ManualTimeProvider Clock { get; }

    public VoicemailStore Store => _services.GetRequiredService<VoicemailStore>();

    public VoicemailService Service => _services.GetRequiredService<VoicemailService>();

    public VoicemailPurge Purge => _services.GetRequiredService<VoicemailPurge>();

    public JobLeases Leases => _services.GetRequiredService<JobLeases>();

    /// <summary>The purge job as the instance <paramref name="instanceId"/> runs it.</summary>
    public VoicemailPurgeJob PurgeJob(string instanceId) => new(
        Leases,
        Purge,
        Microsoft.Extensions.Options.Options.Create(new MessagingOptions { InstanceId = instanceId }),
        Clock,
        Microsoft.Extensions.Logging.Abstractions.NullLogger<VoicemailPurgeJob>.Instance);

    public AudioStore Audio => _services.GetRequiredService<AudioStore>();

    public PromptLibrary Prompts => _services.GetRequiredService<PromptLibrary>();

    public static async Task<VoicemailTestHost> StartAsync(DateTimeOffset? now = null)
    {
        var host = new VoicemailTestHost(new ManualTimeProvider(now ?? new DateTimeOffset(2026, 12, 4, 9, 0, 0, TimeSpan.Zero)));
        await using var scope = host._services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MediaServerDbContext>().Database.MigrateAsync();
        return host;
    }

    /// <summary>The events staged in the outbox of a type, oldest first.</summary>
    public async Task<List<T>> OutboxAsync<T>()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaServerDbContext>();
        var bodies = await db.OutboxMessages.Where(m => m.MessageType == typeof(T).FullName).OrderBy(m => m.Sequence).Select(m => m.Body).ToListAsync();
        return [.. bodies.Select(b => JsonSerializer.Deserialize<T>(b, Json)!)];
    }

    public Task<List<VoicemailBoxChanged>> BoxChangesAsync() => OutboxAsync<VoicemailBoxChanged>();

    /// <summary>Every voicemail row of every tenant (operator view), to check what a test left.</summary>
    public async Task<List<VoicemailMessage>> AllMessagesAsync()
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaServerDbContext>();
        return await db.VoicemailMessages.IgnoreQueryFilters([TenantModelExtensions.FilterName]).AsNoTracking().ToListAsync();
    }

    /// <summary>A box's stored PIN hash (what a stolen table would show).</summary>
    public async Task<string?> PinHashAsync(Guid tenantId, Guid boxId)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MediaServerDbContext>();
        return await db.VoicemailBoxes.IgnoreQueryFilters([TenantModelExtensions.FilterName])
            .Where(b => b.TenantId == tenantId && b.BoxId == boxId).Select(b => b.PinHash).SingleOrDefaultAsync();
    }

    /// <summary>
    /// A message stored directly (a long history without hours of audio to write): its row
    /// says <paramref name="duration"/>, its audio file holds a second.
    /// </summary>
    public async Task<VoicemailMessage> SeedMessageAsync(Guid tenantId, Guid boxId, TimeSpan duration)
    {
        await Store.OpenAsync(tenantId, boxId, CancellationToken.None);
        var message = new VoicemailMessage
        {
            TenantId = tenantId,
            BoxId = boxId,
            Id = Guid.NewGuid(),
            ReceivedAt = Clock.GetUtcNow().UtcDateTime,
            DurationMilliseconds = (long)duration.TotalMilliseconds,
            AudioId = Guid.NewGuid(),
        };
        await Audio.SaveVoicemailAsync(tenantId, boxId, message.AudioId, Speech(1), CancellationToken.None);
        await using var scope = _services.CreateAsyncScope();
        using var tenant = scope.ServiceProvider.GetRequiredService<TenantContext>().Enter(tenantId);
        var db = scope.ServiceProvider.GetRequiredService<MediaServerDbContext>();
        db.VoicemailMessages.Add(message);
        await db.SaveChangesAsync();
        return message;
    }

    /// <summary>Seconds of a tone, as a caller speaking would record.</summary>
    public static short[] Speech(double seconds) =>
        [.. Enumerable.Range(0, (int)(seconds * TelephonyAudio.SampleRate)).Select(i => (short)(8000 * Math.Sin(2 * Math.PI * 440 * i / TelephonyAudio.SampleRate)))];

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        _folder.Dispose();
    }
}
