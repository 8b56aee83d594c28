using System.Net;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Telephony.CallControl.Persistence;
using Telephony.CallControl.Registrar;
using Telephony.CallControl.Routing;
using Telephony.CallControl.Sip;
using Telephony.Contracts.Routing;
using Telephony.Sip.Authentication;
using Telephony.Sip.Messages;
using Telephony.Sip.Transport;

namespace Telephony.CallControl.Tests.Registrar;

/// <summary>Tenancy in SIP: the registrar decides the tenant from the realm and the credentials, never from From.</summary>
public sealed class RegistrarServiceTests : IAsyncLifetime
{
    private static readonly Guid TenantA = Guid.NewGuid();
    private static readonly Guid TenantB = Guid.NewGuid();
    private static readonly Guid LineA = Guid.NewGuid();
    private static readonly SipEndPoint Phone = new(SipTransportKind.Udp, new IPEndPoint(IPAddress.Parse("192.0.2.50"), 5060));
    private readonly SqliteConnection _sqlite = new("Data Source=:memory:");
    private readonly RoutingTable _routing = new();
    private readonly DigestAuthenticator _digest = new(new byte[32], TimeProvider.System);
    private ServiceProvider _services = null!;
    private LocationService _location = null!;
    private RegistrarService _registrar = null!;

    public async Task InitializeAsync()
    {
        await _sqlite.OpenAsync();
        _services = new ServiceCollection()
            .AddDbContext<CallControlDbContext>(o => o.UseSqlite(_sqlite).ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning)))
            .BuildServiceProvider();
        await using (var scope = _services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<CallControlDbContext>().Database.MigrateAsync();
        }

        _routing.Apply(Tenant(TenantA, "alpha.sip.test", LineA, "33199000000", "alpha-password", suspended: false));
        _routing.Apply(Tenant(TenantB, "beta.sip.test", Guid.NewGuid(), "33199100000", "beta-password", suspended: false));
        var options = Options.Create(new SipOptions());
        _location = new LocationService(_services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System);
        var authenticator = new RequestAuthenticator(_routing, _digest, new AuthFailureThrottle(options, TimeProvider.System), NullLoggerFactory.Instance);
        _registrar = new RegistrarService(authenticator, _location, options, TimeProvider.System);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sqlite.DisposeAsync();
    }

    [Fact]
    public void Register_InOwnRealmWithFromClaimingAnotherTenant_BindsInOwnTenant()
    {
        var response = RegisterWithDigest("alpha.sip.test", "33199000000", "alpha-password", fromDomain: "beta.sip.test");

        Assert.Equal(200, response.StatusCode);
        Assert.Single(_location.Find(LineA));
        Assert.Equal(TenantA, _location.Find(LineA)[0].TenantId);
    }

    [Fact]
    public void Register_TenantACredentialsInTenantBRealm_NeverSucceeds()
    {
        var response = RegisterWithDigest("beta.sip.test", "33199000000", "alpha-password");

        Assert.Equal(401, response.StatusCode);
        Assert.Empty(_location.Find(LineA));
    }

    [Fact]
    public void Register_OwnCredentialsForAnAddressInAnotherTenantsDomain_IsForbidden()
    {
        var response = RegisterWithDigest("alpha.sip.test", "33199000000", "alpha-password", toDomain: "beta.sip.test");

        Assert.Equal(403, response.StatusCode);
    }

    [Fact]
    public void Register_SuspendedTenant_IsForbidden()
    {
        _routing.Apply(Tenant(TenantA, "alpha.sip.test", LineA, "33199000000", "alpha-password", suspended: true, version: 2));

        var response = RegisterWithDigest("alpha.sip.test", "33199000000", "alpha-password");

        Assert.Equal(403, response.StatusCode);
    }

    private SipResponse RegisterWithDigest(string realm, string user, string password, string? fromDomain = null, string? toDomain = null)
    {
        var request = Register(realm, user, fromDomain ?? realm, toDomain ?? realm, authorization: null);
        var challenge = _registrar.Register(request, Phone);
        if (challenge.StatusCode != 401)
        {
            return challenge;
        }

        Assert.True(DigestChallenge.TryParse(challenge.Headers[SipHeaderNames.WwwAuthenticate], out var parsed));
        var authorization = DigestClient.Authorize(parsed!, SipMethod.Register, $"sip:{realm}", user, password);
        return _registrar.Register(Register(realm, user, fromDomain ?? realm, toDomain ?? realm, authorization), Phone);
    }

    private static SipRequest Register(string realm, string user, string fromDomain, string toDomain, string? authorization)
    {
        Assert.True(SipUri.TryParse($"sip:{realm}", out var uri));
        var request = new SipRequest(SipMethod.Register, uri!);
        request.Headers.Add(SipHeaderNames.Via, "SIP/2.0/UDP 192.0.2.50:5060;branch=z9hG4bK" + Guid.NewGuid().ToString("N"));
        request.Headers.Add(SipHeaderNames.From, $"<sip:{user}@{fromDomain}>;tag=1");
        request.Headers.Add(SipHeaderNames.To, $"<sip:{user}@{toDomain}>");
        request.Headers.Add(SipHeaderNames.CallId, "reg-" + Guid.NewGuid().ToString("N"));
        request.Headers.Add(SipHeaderNames.CSeq, authorization is null ? "1 REGISTER" : "2 REGISTER");
        request.Headers.Add(SipHeaderNames.Contact, $"<sip:{user}@192.0.2.50:5060>");
        if (authorization is not null)
        {
            request.Headers.Add(SipHeaderNames.Authorization, authorization);
        }

        return request;
    }

    private static TenantRoutingChanged Tenant(Guid tenantId, string domain, Guid lineId, string user, string password, bool suspended, long version = 1)
    {
        var secret = DigestAuthenticator.SecretFor(user, domain, password);
        return new TenantRoutingChanged
        {
            TenantId = tenantId,
            MessageId = Guid.NewGuid(),
            Version = version,
            CompanyName = domain,
            Suspended = suspended,
            SipDomain = domain,
            TimeZone = "Europe/Paris",
            Lines =
            [
                new RoutingLine
                {
                    LineId = lineId,
                    Kind = "Fixed",
                    PublicNumber = "+" + user,
                    ShortNumber = "201",
                    DisplayName = "Someone",
                    Sip = new SipCredentials { Username = user, Ha1Md5 = secret.Ha1Md5, Ha1Sha256 = secret.Ha1Sha256 },
                },
            ],
            OccurredAt = new DateTime(2026, 11, 22, 0, 0, 0, DateTimeKind.Utc),
        };
    }
}
