using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Telephony.Provisioning.Devices;
using Telephony.Provisioning.Rendering;
using Telephony.ServiceDefaults.Security;
using Telephony.Sip.Authentication;

namespace Telephony.Provisioning.Serving;

/// <summary>
/// Answers a phone's request for one of its files (D-PROV, D-SECURE). The device is found from
/// its secret URL (/d/&lt;token&gt;/&lt;file&gt;) or from the MAC in the file name (/&lt;file&gt;);
/// the file is served whole from memory to a device that proved who it is (the token, HTTP
/// digest or basic credentials — user name the MAC, password the token — or a vendor client
/// certificate naming the MAC). A known phone that never proved it gets the credential-free
/// bootstrap file that hands it its secret URL. Everything else is refused without a word
/// about the device: 404 for unknown devices, 401 without valid credentials, 429 for an
/// address that keeps failing, each failure written to the security log.
/// </summary>
public sealed class PhoneFileServer
{
    private const int MaxLoggedNameLength = 64;

    private readonly ProvisionedDevices _devices;
    private readonly ContactLog _contacts;
    private readonly ProvisioningMetrics _metrics;
    private readonly DeviceCertificates _certificates;
    private readonly ProvisioningOptions _options;
    private readonly DigestAuthenticator _digest;
    private readonly AddressThrottle _throttle;
    private readonly ILogger _security;
    private readonly IPNetwork[] _proxies;

    public PhoneFileServer(
        ProvisionedDevices devices,
        ContactLog contacts,
        ProvisioningMetrics metrics,
        DeviceCertificates certificates,
        IOptions<ProvisioningOptions> options,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        _devices = devices;
        _contacts = contacts;
        _metrics = metrics;
        _certificates = certificates;
        _options = options.Value;
        var key = string.IsNullOrEmpty(_options.NonceKey) ? RandomNumberGenerator.GetBytes(32) : Convert.FromBase64String(_options.NonceKey);
        // MD5 first: phones' HTTP clients commonly read only the first challenge, and MD5 is the one they all know.
        _digest = new DigestAuthenticator(key, time, algorithms: ["MD5", "SHA-256"]);
        _throttle = new AddressThrottle(() => new ThrottleSettings(_options.ProbeLimit, _options.ProbeWindow, _options.ProbeBlock), time);
        _security = loggers.CreateLogger(SecurityLog.Category);
        _proxies = _options.TrustedProxies
            .Select(p => IPNetwork.Parse(p.Contains('/', StringComparison.Ordinal) ? p : p + (p.Contains(':', StringComparison.Ordinal) ? "/128" : "/32")))
            .ToArray();
    }

    public async Task ServeAsync(HttpContext http, string? token, string fileName)
    {
        var (remote, https) = Client(http);
        var response = http.Response;
        response.Headers.CacheControl = "no-store";
        if (_throttle.IsBlocked(remote))
        {
            _metrics.Request(RequestOutcome.Throttled, "none");
            response.StatusCode = StatusCodes.Status429TooManyRequests;
            response.Headers.RetryAfter = ((int)_options.ProbeBlock.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return;
        }

        if (!https && !_options.AllowPlainHttp)
        {
            SecurityLog.PlainHttpRefused(_security, remote.ToString());
            _metrics.Request(RequestOutcome.Refused, "none");
            response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        var (device, kind) = token is null ? FindByFileName(fileName) : FindByToken(token, fileName);
        if (device is null)
        {
            if (token is null && !NamesADevice(fileName))
            {
                // A vendor's shared file (Yealink's y0000000000xx.cfg, Polycom's 000000000000.cfg,
                // Cisco's $PSN.xml...) that every phone asks for at boot: no MAC was guessed, so
                // a site of phones behind one address rebooting together is not probing.
                _metrics.Request(RequestOutcome.NotFound, "none");
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            SecurityLog.UnknownDevice(_security, remote.ToString(), Printable(fileName));
            Fail(remote, response, StatusCodes.Status404NotFound, RequestOutcome.NotFound, "none");
            return;
        }

        var family = device.Renderer.Family.ToString();
        var userAgent = http.Request.Headers.UserAgent.ToString();
        if (userAgent.Length > 0 && !device.Renderer.MatchesUserAgent(userAgent) && _devices.Renderers.All.Any(r => r.MatchesUserAgent(userAgent)))
        {
            SecurityLog.ForeignUserAgent(_security, remote.ToString(), Printable(userAgent));
            Fail(remote, response, StatusCodes.Status404NotFound, RequestOutcome.NotFound, family);
            return;
        }

        var verdict = token is null ? Authenticate(http, device, remote) : DigestVerdict.Valid;
        switch (verdict)
        {
            case DigestVerdict.Valid:
                device.Claim();
                _contacts.Record(device, remote.ToString(), userAgent.Length > 0 ? userAgent : null);
                _metrics.Request(RequestOutcome.Served, family);
                await WriteAsync(response, device.File(kind, bootstrapFile: false, _metrics.Rendered));
                return;
            case DigestVerdict.Missing when _options.Bootstrap && !device.Claimed && kind != PhoneFileKind.Directory:
                _metrics.Request(RequestOutcome.Bootstrap, family);
                await WriteAsync(response, device.File(kind, bootstrapFile: true, _metrics.Rendered));
                return;
            case DigestVerdict.Invalid:
                SecurityLog.WrongCredentials(_security, remote.ToString());
                Challenge(http, stale: false);
                Fail(remote, response, StatusCodes.Status401Unauthorized, RequestOutcome.Unauthorized, family);
                return;
            default:
                Challenge(http, stale: verdict == DigestVerdict.Stale);
                _metrics.Request(RequestOutcome.Unauthorized, family);
                response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
        }
    }

    /// <summary>The phone's address and whether it asked over HTTPS, through a trusted proxy when there is one.</summary>
    private (IPAddress Remote, bool Https) Client(HttpContext http)
    {
        var remote = http.Connection.RemoteIpAddress ?? IPAddress.None;
        if (remote.IsIPv4MappedToIPv6)
        {
            remote = remote.MapToIPv4();
        }

        if (!_proxies.Any(p => p.Contains(remote)))
        {
            return (remote, http.Request.IsHttps);
        }

        var forwardedFor = http.Request.Headers["X-Forwarded-For"].ToString().Split(',').LastOrDefault()?.Trim();
        var client = IPAddress.TryParse(forwardedFor, out var address) ? address : remote;
        return (client, http.Request.IsHttps || string.Equals(http.Request.Headers["X-Forwarded-Proto"].ToString(), "https", StringComparison.OrdinalIgnoreCase));
    }

    private (DeviceEntry? Device, PhoneFileKind Kind) FindByToken(string token, string fileName)
    {
        if (_devices.ByToken(token) is { } device && device.Renderer.TryParseFileName(fileName, out var mac, out var kind) && mac == device.Mac)
        {
            return (device, kind);
        }

        return (null, default);
    }

    /// <summary>Whether some family would ask for this name for one particular phone (a MAC in it).</summary>
    private bool NamesADevice(string fileName) => _devices.Renderers.All.Any(r => r.TryParseFileName(fileName, out _, out _));

    private (DeviceEntry? Device, PhoneFileKind Kind) FindByFileName(string fileName)
    {
        foreach (var renderer in _devices.Renderers.All)
        {
            if (renderer.TryParseFileName(fileName, out var mac, out var kind) && _devices.ByMac(mac) is { } device && device.Renderer.Family == renderer.Family)
            {
                return (device, kind);
            }
        }

        return (null, default);
    }

    private DigestVerdict Authenticate(HttpContext http, DeviceEntry device, IPAddress remote)
    {
        if (http.Connection.ClientCertificate is { } certificate && _certificates.Enabled)
        {
            if (_certificates.Identifies(certificate, device.Mac))
            {
                return DigestVerdict.Valid;
            }

            SecurityLog.WrongCertificate(_security, remote.ToString());
        }

        var authorization = http.Request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return BasicVerdict(authorization[6..].Trim(), device);
        }

        if (DigestCredentials.TryParse(authorization, out var credentials) && credentials is not null)
        {
            var path = http.Request.Path.Value ?? "";
            if (!SameDevice(credentials.Username, device.Mac) || !(credentials.Uri == path || credentials.Uri.EndsWith(path, StringComparison.Ordinal)))
            {
                return DigestVerdict.Invalid;
            }

            return _digest.Verify(credentials with { Username = device.Mac }, http.Request.Method, _options.Realm, device.DigestSecret);
        }

        return authorization.Length == 0 ? DigestVerdict.Missing : DigestVerdict.Invalid;
    }

    private static DigestVerdict BasicVerdict(string encoded, DeviceEntry device)
    {
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(encoded));
        }
        catch (FormatException)
        {
            return DigestVerdict.Invalid;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && SameDevice(decoded[..colon], device.Mac)
            && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(decoded[(colon + 1)..]), Encoding.UTF8.GetBytes(device.Token))
            ? DigestVerdict.Valid
            : DigestVerdict.Invalid;
    }

    /// <summary>The user name is the MAC, in any case, with or without separators.</summary>
    private static bool SameDevice(string userName, string mac) =>
        userName.Length is 12 or 17 && string.Equals(userName.Replace(":", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal), mac, StringComparison.OrdinalIgnoreCase);

    private void Challenge(HttpContext http, bool stale)
    {
        var challenges = new List<string>(_digest.Challenges(_options.Realm, stale));
        challenges.Add($"Basic realm=\"{_options.Realm}\", charset=\"UTF-8\"");
        http.Response.Headers.WWWAuthenticate = challenges.ToArray();
    }

    private void Fail(IPAddress remote, HttpResponse response, int status, string outcome, string family)
    {
        _metrics.Request(outcome, family);
        response.StatusCode = status;
        if (_throttle.RecordFailure(remote))
        {
            _metrics.ClientThrottled();
            SecurityLog.Throttled(_security, remote.ToString(), _options.ProbeBlock.TotalMinutes);
        }
    }

    private static async Task WriteAsync(HttpResponse response, RenderedFile file)
    {
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = file.ContentType;
        response.ContentLength = file.Content.Length;
        await response.Body.WriteAsync(file.Content);
    }

    /// <summary>A request's text as the log may show it: printable ASCII, cut short.</summary>
    private static string Printable(string text)
    {
        var printable = new string(text.Take(MaxLoggedNameLength).Select(c => c is >= ' ' and <= '~' ? c : '?').ToArray());
        return text.Length > MaxLoggedNameLength ? printable + "…" : printable;
    }
}
