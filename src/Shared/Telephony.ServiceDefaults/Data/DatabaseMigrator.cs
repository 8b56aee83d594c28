using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Telephony.ServiceDefaults.Data;

/// <summary>
/// Applies the store's pending migrations before the host starts serving, so a ready service
/// always runs on the schema it was built for. Hosted services start in registration order,
/// and this one is registered with the database, before the bus and the outbox dispatcher.
/// </summary>
internal sealed partial class DatabaseMigrator<TContext>(IServiceScopeFactory scopes, ILogger<DatabaseMigrator<TContext>> logger) : IHostedService
    where TContext : DbContext
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers work while the outbox dispatcher or a consumer writes.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            await db.Database.CloseConnectionAsync();
        }

        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        var applied = string.Join(", ", pending);
        LogMigrated(logger, typeof(TContext).Name, pending.Count, applied);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 1001, Level = LogLevel.Information, Message = "{Store} schema up to date; applied {Count} migration(s): {Migrations}")]
    private static partial void LogMigrated(ILogger logger, string store, int count, string migrations);
}
