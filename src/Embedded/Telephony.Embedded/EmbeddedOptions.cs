namespace Telephony.Embedded;

/// <summary>Section <c>Embedded</c>: where the all-in-one host listens.</summary>
public sealed class EmbeddedOptions
{
    public const string SectionName = "Embedded";

    public string BindAddress { get; set; } = "127.0.0.1";

    public int PortalPort { get; set; } = 8080;

    public int ProvisioningPort { get; set; } = 8081;

    public int CallControlPort { get; set; } = 8082;

    public int MediaServerPort { get; set; } = 8083;
}
