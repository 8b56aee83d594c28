namespace Telephony.ServiceDefaults.Messaging;

public enum BusTransport
{
    /// <summary>MassTransit's in-memory transport: the embedded all-in-one host.</summary>
    InMemory,
    RabbitMq,
}

/// <summary>Section <c>Messaging</c>.</summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    public BusTransport Transport { get; set; } = BusTransport.InMemory;

    /// <summary>amqp://user:password@host:port/vhost</summary>
    public string RabbitMqUri { get; set; } = "amqp://guest:guest@localhost:5672/";

    /// <summary>Identifies this process; per-instance queues (fan-out to every CallControl) carry it.</summary>
    public string InstanceId { get; set; } = Environment.MachineName.ToLowerInvariant();
}
