using System.Net;

namespace Telephony.CallControl.Sip;

/// <summary>
/// Section <c>Trunk</c>: the carrier's SIP trunk to the public network. Calls to national and
/// international numbers leave through it; calls it sends to our public numbers come in. With
/// no <see cref="Address"/>, there is no trunk and such calls are refused with 503.
/// </summary>
public sealed class TrunkOptions
{
    public const string SectionName = "Trunk";

    /// <summary>host:port of the carrier's SIP server (UDP).</summary>
    public string? Address { get; set; }

    /// <summary>Digest credentials the carrier may challenge our calls with.</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>Source addresses trusted as the carrier (no digest asked); defaults to the trunk's own address.</summary>
    public string AllowedSources { get; set; } = "";

    public IPEndPoint? EndPoint => Address is { Length: > 0 } && IPEndPoint.TryParse(Address, out var endpoint)
        ? endpoint.Port == 0 ? new IPEndPoint(endpoint.Address, 5060) : endpoint
        : null;

    public bool IsAllowedSource(IPAddress address)
    {
        if (EndPoint is { } trunk && trunk.Address.Equals(address))
        {
            return true;
        }

        return AllowedSources.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Any(source => IPAddress.TryParse(source, out var allowed) && allowed.Equals(address));
    }
}
