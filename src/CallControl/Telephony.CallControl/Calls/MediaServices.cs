using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using Telephony.CallControl.Routing;
using Telephony.CallControl.Sip;
using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.CallControl.Calls;

/// <summary>
/// The media servers CallControl drives over SIP and the Request-URIs of their services, in the
/// style of RFC 4240 (ADR 14): the user part names the service, URI parameters its arguments,
/// the tenant always among them — the media server trusts CallControl for it.
/// </summary>
public sealed class MediaServices
{
    private readonly IPEndPoint[] _servers;

    public MediaServices(IOptions<SipOptions> options)
    {
        _servers = options.Value.MediaServers.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(address => IPEndPoint.TryParse(address, out var endPoint) && endPoint.Port > 0
                ? endPoint
                : throw new OptionsValidationException(SipOptions.SectionName, typeof(SipOptions), [$"Sip:MediaServers: \"{address}\" is not an IP address and port."]))
            .ToArray();
    }

    /// <summary>The media server of a tenant's calls: the same for every call of the tenant, spread over the servers.</summary>
    public SipEndPoint For(Guid tenantId) =>
        new(SipTransportKind.Udp, _servers[(int)((uint)tenantId.GetHashCode() % (uint)_servers.Length)]);

    /// <summary>
    /// <c>sip:voicemail@…;tenant=…;box=…;number=…;lang=…</c>, with <c>;action=retrieve</c> for
    /// listening (V-ACCESS); the number is the called line's, in national form, which the
    /// standard greeting says (V-BOX).
    /// </summary>
    public SipUri VoicemailUri(RouteToVoicemail voicemail, SipEndPoint server)
    {
        var uri = string.Create(CultureInfo.InvariantCulture,
            $"sip:voicemail@{Host(server)};tenant={voicemail.Tenant.TenantId:D};box={voicemail.Box.LineId:D};number={National(voicemail.Box.PublicNumber)};lang={Language(voicemail.Tenant)}");
        if (voicemail.Action == VoicemailAction.Retrieve)
        {
            uri += ";action=retrieve";
        }

        return SipUri.TryParse(uri, out var parsed) ? parsed! : throw new InvalidOperationException($"Not a SIP URI: {uri}");
    }

    /// <summary>The prompts' language: French or English (the prompts recorded), English for any other company language.</summary>
    public static string Language(TenantRouting tenant) => tenant.Snapshot.Language == "fr" ? "fr" : "en";

    private static string Host(SipEndPoint server) => server.Address.ToString();

    private static string National(string e164) =>
        e164.StartsWith("+33", StringComparison.Ordinal) ? "0" + e164[3..] : e164.TrimStart('+');
}
