using Telephony.CallControl.Routing;
using Telephony.Contracts.Routing;
using Telephony.Sip.Authentication;
using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.CallControl.Registrar;

/// <summary>A request whose sender proved to be this line of this tenant.</summary>
public sealed record AuthenticatedLine(TenantRouting Tenant, RoutingLine Line);

/// <summary>Either the authenticated line, or the response to send instead (401/407 challenge, 403, 404).</summary>
public sealed record AuthenticationResult(AuthenticatedLine? Line, SipResponse? Refusal);

/// <summary>
/// Authenticates a request from a line (C-REG): the tenant is the one whose SIP domain the
/// request addresses, and the credentials must be those of one of its lines in that realm.
/// What the From header claims plays no part. Failures are counted per source address and
/// written to the security log.
/// </summary>
public sealed partial class RequestAuthenticator(
    RoutingTable routing,
    DigestAuthenticator digest,
    AuthFailureThrottle throttle,
    ILoggerFactory loggers)
{
    private readonly ILogger _security = loggers.CreateLogger("Telephony.CallControl.Security");

    /// <param name="domain">The SIP domain the request addresses (Request-URI host for REGISTER).</param>
    public AuthenticationResult Authenticate(SipRequest request, SipEndPoint source, string domain)
    {
        var challengeStatus = request.Method == SipMethod.Register ? 401 : 407;
        var address = source.Address.Address;
        if (throttle.IsBlocked(address))
        {
            return Refuse(request, 403, "Forbidden: too many failed authentications");
        }

        var tenant = routing.FindByDomain(domain);
        if (tenant is null)
        {
            return Refuse(request, 404, "Not Found: domain not served here");
        }

        if (tenant.Snapshot.Suspended)
        {
            return Refuse(request, 403, "Forbidden: account suspended");
        }

        var header = challengeStatus == 401 ? SipHeaderNames.Authorization : SipHeaderNames.ProxyAuthorization;
        var credentials = request.Headers.Values(header)
            .Select(value => DigestCredentials.TryParse(value, out var parsed) ? parsed : null)
            .FirstOrDefault(c => c is not null && string.Equals(c.Realm, tenant.SipDomain, StringComparison.OrdinalIgnoreCase));
        if (credentials is null)
        {
            return Challenge(request, challengeStatus, tenant.SipDomain, stale: false);
        }

        if (!tenant.BySipUser.TryGetValue(credentials.Username, out var line) || line.Sip is null)
        {
            return Failed(request, source, credentials, challengeStatus, tenant.SipDomain);
        }

        var verdict = digest.Verify(credentials, request.Method, tenant.SipDomain, new DigestSecret(line.Sip.Ha1Md5, line.Sip.Ha1Sha256));
        return verdict switch
        {
            DigestVerdict.Valid => new AuthenticationResult(new AuthenticatedLine(tenant, line), null),
            DigestVerdict.Stale => Challenge(request, challengeStatus, tenant.SipDomain, stale: true),
            _ => Failed(request, source, credentials, challengeStatus, tenant.SipDomain),
        };
    }

    private AuthenticationResult Failed(SipRequest request, SipEndPoint source, DigestCredentials credentials, int challengeStatus, string realm)
    {
        var address = source.Address.Address;
        LogAuthFailure(_security, address.ToString(), credentials.Username, realm, request.Method);
        if (throttle.RecordFailure(address))
        {
            LogBlocked(_security, address.ToString(), realm);
            return Refuse(request, 403, "Forbidden: too many failed authentications");
        }

        return Challenge(request, challengeStatus, realm, stale: false);
    }

    private AuthenticationResult Challenge(SipRequest request, int status, string realm, bool stale)
    {
        var response = SipResponse.For(request, status);
        var header = status == 401 ? SipHeaderNames.WwwAuthenticate : SipHeaderNames.ProxyAuthenticate;
        foreach (var challenge in digest.Challenges(realm, stale))
        {
            response.Headers.Add(header, challenge);
        }

        return new AuthenticationResult(null, response);
    }

    private static AuthenticationResult Refuse(SipRequest request, int status, string reason) =>
        new(null, SipResponse.For(request, status, reason));

    // Security log lines, one per event, in a fixed shape fail2ban-style tools can match:
    // "sip-auth-failure src=<address> ...".
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "sip-auth-failure src={Source} user={User} realm={Realm} method={Method}")]
    private static partial void LogAuthFailure(ILogger logger, string source, string user, string realm, string method);

    [LoggerMessage(EventId = 4002, Level = LogLevel.Warning, Message = "sip-auth-blocked src={Source} realm={Realm}")]
    private static partial void LogBlocked(ILogger logger, string source, string realm);
}
