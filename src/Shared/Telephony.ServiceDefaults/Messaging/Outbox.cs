using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Telephony.ServiceDefaults.Messaging;

/// <summary>A store that publishes events through a same-transaction outbox table.</summary>
public interface IOutboxStore
{
    DbSet<OutboxMessage> OutboxMessages { get; }
}

public static class Outbox
{
    internal static readonly JsonSerializerOptions SerializerOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Adds <paramref name="message"/> to the outbox; it is written by the caller's next SaveChanges.</summary>
    public static void Enqueue<TMessage>(this IOutboxStore store, Guid messageId, Guid? tenantId, TMessage message, DateTime now)
        where TMessage : class
    {
        var body = JsonSerializer.Serialize(message, SerializerOptions);
        store.OutboxMessages.Add(OutboxMessage.Create(messageId, tenantId, typeof(TMessage).FullName!, body, now));
    }

    /// <summary>Maps the outbox table; call from OnModelCreating of a store implementing <see cref="IOutboxStore"/>.</summary>
    public static ModelBuilder MapOutbox(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(b =>
        {
            b.ToTable("OutboxMessages");
            b.HasKey(m => m.Sequence);
            b.Property(m => m.Sequence).ValueGeneratedOnAdd();
            b.HasIndex(m => m.MessageId).IsUnique();
            b.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
            b.Property(m => m.MessageType).HasMaxLength(300);
            b.Property(m => m.LastError).HasMaxLength(500);
        });
        return modelBuilder;
    }
}
