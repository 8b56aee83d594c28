using System.Security.Claims;

namespace Telephony.Portal.Features.SignIn;

/// <summary>
/// Who acts in this unit of work (scoped): the operator, a manager (person or company API
/// key) or the user of one line. Use cases ask it what may be changed (A-ROLES, section 12).
/// </summary>
public sealed class Actor
{
    public string Role { get; private set; } = "";

    /// <summary>The user's own line, for <see cref="PortalRoles.User"/>.</summary>
    public Guid? LineId { get; private set; }

    public string Name { get; private set; } = "";

    /// <summary>A company or platform API key rather than a signed-in person.</summary>
    public bool IsApiKey { get; private set; }

    /// <summary>Set from an HTTP request (signed in or not); false for background work.</summary>
    public bool FromRequest { get; private set; }

    public bool IsUser => Role == PortalRoles.User;

    /// <summary>A user may see and change their own line only.</summary>
    public bool MaySee(Guid lineId) => !IsUser || LineId == lineId;

    public static Actor From(ClaimsPrincipal principal) => new()
    {
        Role = principal.FindFirstValue(ClaimTypes.Role) ?? "",
        LineId = Guid.TryParse(principal.FindFirstValue(PortalClaims.LineId), out var line) ? line : null,
        Name = principal.Identity?.Name ?? "",
        IsApiKey = principal.HasClaim(c => c.Type == PortalClaims.ApiKey),
        FromRequest = true,
    };

    /// <summary>A-AUDIT: the role the audit log shows (System for background work, Anonymous for a password link).</summary>
    public string AuditRole => Role.Length > 0 ? Role : FromRequest ? "Anonymous" : "System";

    /// <summary>A-AUDIT: the login of the person, or "API key &lt;name&gt;".</summary>
    public string AuditName => IsApiKey ? $"API key {Name}" : Name;

    internal void Become(Actor other)
    {
        Role = other.Role;
        LineId = other.LineId;
        Name = other.Name;
        IsApiKey = other.IsApiKey;
        FromRequest = other.FromRequest;
    }
}

/// <summary>Where each role lands after signing in.</summary>
public static class PortalHome
{
    public static string For(ClaimsPrincipal principal) =>
        principal.IsInRole(PortalRoles.Operator) ? "/operator/companies"
        : principal.IsInRole(PortalRoles.Manager) ? "/manage"
        : principal.IsInRole(PortalRoles.User) ? "/me"
        : "/";
}
