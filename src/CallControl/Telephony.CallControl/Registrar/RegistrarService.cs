using System.Globalization;
using Microsoft.Extensions.Options;
using Telephony.CallControl.Sip;
using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.CallControl.Registrar;

/// <summary>
/// The registrar (RFC 3261 §10.3, C-REG): authenticates the REGISTER against the line's
/// credentials in its tenant's realm, checks the address of record is that line, then adds,
/// refreshes or removes its contacts within the expiry bounds and answers with them all.
/// </summary>
public sealed class RegistrarService(
    RequestAuthenticator authenticator,
    LocationService location,
    IOptions<SipOptions> options,
    TimeProvider time)
{
    public SipResponse Register(SipRequest request, SipEndPoint source)
    {
        var settings = options.Value;
        var authentication = authenticator.Authenticate(request, source, request.RequestUri.Host);
        if (authentication.Line is not { } authenticated)
        {
            return authentication.Refusal!;
        }

        // The address of record (To) must be the authenticated line, in its tenant's domain.
        var to = request.To!.Uri;
        if (!string.Equals(to.Host, authenticated.Tenant.SipDomain, StringComparison.OrdinalIgnoreCase) ||
            !IsLine(to.UnescapedUser, authenticated))
        {
            return SipResponse.For(request, 403, "Forbidden: the address of record is not this account");
        }

        var contacts = request.Headers.Values(SipHeaderNames.Contact);
        var headerExpires = request.Expires;
        var removeAll = contacts.Count == 1 && contacts[0] == "*";
        if (removeAll && headerExpires != 0)
        {
            return SipResponse.For(request, 400, "Bad Request: Contact * needs Expires: 0");
        }

        var changes = new List<BindingChange>();
        if (!removeAll)
        {
            foreach (var value in contacts)
            {
                if (!NameAddress.TryParse(value, out var contact))
                {
                    return SipResponse.For(request, 400, "Bad Request: malformed Contact");
                }

                var requested = int.TryParse(contact!.Parameters["expires"], NumberStyles.None, CultureInfo.InvariantCulture, out var own)
                    ? own
                    : headerExpires ?? settings.DefaultExpires;
                if (requested > 0 && requested < settings.MinExpires)
                {
                    var tooBrief = SipResponse.For(request, 423);
                    tooBrief.Headers.Add(SipHeaderNames.MinExpires, settings.MinExpires.ToString(CultureInfo.InvariantCulture));
                    return tooBrief;
                }

                changes.Add(new BindingChange(
                    contact.Uri.ToString(),
                    Math.Min(requested, settings.MaxExpires),
                    request.CallId!,
                    request.CSeq!.Value.Number,
                    source.ViaTransport,
                    source.Address.Address.ToString(),
                    source.Address.Port,
                    request.Headers[SipHeaderNames.UserAgent]));
            }
        }

        var bindings = changes.Count == 0 && !removeAll
            ? location.Find(authenticated.Line.LineId)
            : location.Apply(authenticated.Tenant.TenantId, authenticated.Line.LineId, changes, removeAll);

        var response = SipResponse.For(request, 200);
        response.Headers.Set(SipHeaderNames.To, request.Headers[SipHeaderNames.To] + ";tag=" + ToTag(request));
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var binding in bindings)
        {
            var remaining = Math.Max(0, (int)Math.Ceiling((binding.ExpiresAt - now).TotalSeconds));
            response.Headers.Add(SipHeaderNames.Contact, $"<{binding.ContactUri}>;expires={remaining.ToString(CultureInfo.InvariantCulture)}");
        }

        response.Headers.Add(SipHeaderNames.Date, time.GetUtcNow().ToString("r", CultureInfo.InvariantCulture));
        return response;
    }

    private static bool IsLine(string? user, AuthenticatedLine authenticated) =>
        user is not null && (user == authenticated.Line.Sip!.Username || user == authenticated.Line.PublicNumber || user == authenticated.Line.PublicNumber.TrimStart('+'));

    /// <summary>A stable To tag per REGISTER (a retransmission gets the same one).</summary>
    private static string ToTag(SipRequest request) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(request.CallId + request.CSeq)))[..16];
}
