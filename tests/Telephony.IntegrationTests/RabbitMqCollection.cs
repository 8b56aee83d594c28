namespace Telephony.IntegrationTests;

/// <summary>Tests that use the shared test broker run one at a time: one of them stops it.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RabbitMqCollection
{
    public const string Name = "RabbitMQ";
}
