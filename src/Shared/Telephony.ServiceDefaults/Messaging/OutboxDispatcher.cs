using System.Text.Json;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Telephony.Contracts.Routing;

namespace Telephony.ServiceDefaults.Messaging;

/// <summary>
/// Publishes a store's outbox in sequence order. A row is leased before it is published so
/// several instances of a service never publish it concurrently; a failed publish is retried
/// with exponential backoff (capped), and the row stays until the broker takes it. A broker
/// outage therefore delays events but never loses them. Delivery is at least once: a publish
/// that timed out on our side may still have reached the broker, so consumers deduplicate.
/// </summary>
public sealed partial class OutboxDispatcher<TContext>(
    IServiceScopeFactory scopes,
    IBusControl bus,
    OutboxSignal<TContext> signal,
    TimeProvider time,
    IOptions<OutboxOptions> options,
    ILogger<OutboxDispatcher<TContext>> logger) : BackgroundService
    where TContext : DbContext, IOutboxStore
{
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan PurgeInterval = TimeSpan.FromHours(1);
    private readonly OutboxOptions _options = options.Value;
    private bool _failing;
    private DateTime _nextPurge;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await bus.WaitUntilHealthyAsync(time, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await DispatchPendingAsync(stoppingToken);
                if (time.GetUtcNow().UtcDateTime >= _nextPurge)
                {
                    await PurgeSentAsync(stoppingToken);
                    _nextPurge = time.GetUtcNow().UtcDateTime + PurgeInterval;
                }

                await signal.WaitAsync(_options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The store itself is unreachable: wait and try again, the rows are safe in it.
                LogStoreFailure(logger, ex);
                await Task.Delay(_options.MaxRetryDelay, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Publishes every due row once; returns how many were published.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var publisher = scope.ServiceProvider.GetRequiredService<IPublishEndpoint>();
        var now = time.GetUtcNow().UtcDateTime;

        var due = await db.OutboxMessages
            .Where(m => m.SentAt == null && m.NextAttemptAt <= now && (m.LeasedUntil == null || m.LeasedUntil < now))
            .OrderBy(m => m.Sequence)
            .Take(_options.BatchSize)
            .Select(m => m.Sequence)
            .ToListAsync(cancellationToken);

        var published = 0;
        foreach (var sequence in due)
        {
            var leaseUntil = now + LeaseDuration;
            var leased = await db.OutboxMessages
                .Where(m => m.Sequence == sequence && m.SentAt == null && (m.LeasedUntil == null || m.LeasedUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeasedUntil, leaseUntil), cancellationToken);
            if (leased == 0)
            {
                continue;
            }

            var row = await db.OutboxMessages.SingleAsync(m => m.Sequence == sequence, cancellationToken);
            var error = await PublishAsync(publisher, row, cancellationToken);
            if (error is not null)
            {
                row.MarkFailed(time.GetUtcNow().UtcDateTime, error, RetryDelay(row.Attempts));
                await db.SaveChangesAsync(cancellationToken);
                break; // keep the order: later rows wait for this one
            }

            row.MarkSent(time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(cancellationToken);
            published++;
        }

        return published;
    }

    /// <summary>Deletes published rows older than <see cref="OutboxOptions.RetainSent"/>; returns how many.</summary>
    public async Task<int> PurgeSentAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var cutoff = time.GetUtcNow().UtcDateTime - _options.RetainSent;
        return await db.OutboxMessages.Where(m => m.SentAt != null && m.SentAt < cutoff).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>Publishes one row; returns null on success, else why it failed.</summary>
    private async Task<string?> PublishAsync(IPublishEndpoint publisher, OutboxMessage row, CancellationToken cancellationToken)
    {
        var type = ResolveType(row.MessageType);
        if (type is null)
        {
            LogUnknownType(logger, row.MessageType, row.MessageId);
            return $"unknown message type {row.MessageType}";
        }

        var message = JsonSerializer.Deserialize(row.Body, type, Outbox.SerializerOptions)!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.PublishTimeout);
        try
        {
            await publisher.Publish(message, type, ctx => ctx.MessageId = row.MessageId, timeout.Token);
            if (_failing)
            {
                _failing = false;
                LogRecovered(logger);
            }

            return null;
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            if (!_failing)
            {
                // One warning per outage, not one per retry.
                _failing = true;
                LogPublishFailed(logger, row.MessageType, row.MessageId, ex);
            }

            return ex.GetType().Name + ": " + ex.Message;
        }
    }

    private TimeSpan RetryDelay(int attemptsSoFar)
    {
        var seconds = Math.Pow(2, Math.Min(attemptsSoFar, 10)) * 0.25;
        return TimeSpan.FromSeconds(Math.Min(seconds, _options.MaxRetryDelay.TotalSeconds));
    }

    private static Type? ResolveType(string fullName) => typeof(TenantRoutingChanged).Assembly.GetType(fullName);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Publishing {MessageType} {MessageId} failed; the outbox keeps it and retries")]
    private static partial void LogPublishFailed(ILogger logger, string messageType, Guid messageId, Exception exception);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "The broker takes messages again; the outbox is draining")]
    private static partial void LogRecovered(ILogger logger);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Error, Message = "Outbox row {MessageId} has unknown type {MessageType}; it stays unsent")]
    private static partial void LogUnknownType(ILogger logger, string messageType, Guid messageId);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "The outbox store is unreachable; retrying")]
    private static partial void LogStoreFailure(ILogger logger, Exception exception);
}
