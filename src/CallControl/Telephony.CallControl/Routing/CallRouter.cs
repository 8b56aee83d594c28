using Telephony.Contracts.Routing;
using Telephony.CallControl.Voicemail;

namespace Telephony.CallControl.Routing;

/// <summary>Where a dialled number leads.</summary>
public abstract record RoutingDecision;

/// <summary>A line of the platform: of the caller's tenant (internal), or of another tenant reached by its public number (inbound there).</summary>
public sealed record RouteToLine(TenantRouting Tenant, RoutingLine Line, bool Internal) : RoutingDecision;

/// <summary>A number outside the platform, in E.164, to the carrier trunk.</summary>
public sealed record RouteToTrunk(string Number, bool Emergency) : RoutingDecision;

/// <summary>What a call does with a voicemail box: leave a message, or listen to one's own (V-ACCESS).</summary>
public enum VoicemailAction
{
    Deposit,
    Retrieve,
}

/// <summary>
/// A voicemail box on the media server: <paramref name="Called"/> is the line dialled (or, for
/// 123, the caller's own), <paramref name="Box"/> the line owning the box (V-CONVERGENT).
/// </summary>
public sealed record RouteToVoicemail(TenantRouting Tenant, RoutingLine Called, RoutingLine Box, VoicemailAction Action) : RoutingDecision;

/// <summary>No destination: the SIP status to answer.</summary>
public sealed record RouteRejected(int StatusCode, string Reason) : RoutingDecision;

/// <summary>
/// C-ROUTE as a pure function of the routing snapshots and the dialled string: emergency
/// numbers first, then the caller's own short numbers, then national (0…), international
/// (00…) and E.164 (+…) numbers, which are the platform's own lines (the caller's tenant or
/// another, entered as an inbound call) or go out through the trunk. Another tenant's short
/// numbers are never reachable.
/// </summary>
public sealed class CallRouter(RoutingTable table)
{
    /// <summary>French emergency numbers: always routed out, whatever the line's restrictions (L-RESTRICT).</summary>
    /// <summary>V-ACCESS: one's own voicemail from one's own line.</summary>
    public const string VoicemailNumber = "123";

    private static readonly HashSet<string> EmergencyNumbers = ["15", "17", "18", "112", "114", "115", "119", "191", "196", "197"];

    /// <summary>The destination of <paramref name="dialled"/> for a call from <paramref name="callerLine"/> of <paramref name="caller"/>.</summary>
    public RoutingDecision Route(TenantRouting caller, string dialled, RoutingLine? callerLine = null)
    {
        var digits = dialled.Trim();
        if (digits.Length == 0 || digits.Length > 20 || !digits.All(c => char.IsAsciiDigit(c) || c is '+' or '*' or '#') || digits.LastIndexOf('+') > 0)
        {
            return new RouteRejected(404, "Not Found: not a dialable number");
        }

        if (EmergencyNumbers.Contains(digits))
        {
            return new RouteToTrunk(digits, Emergency: true);
        }

        if (digits == VoicemailNumber)
        {
            return callerLine is { Services: not null }
                ? new RouteToVoicemail(caller, callerLine, VoicemailBoxes.Owner(caller, callerLine), VoicemailAction.Retrieve)
                : new RouteRejected(404, "Not Found: this line has no voicemail box");
        }

        if (digits[0] is '*' or '#')
        {
            return new RouteRejected(404, "Not Found: service codes are not available yet");
        }

        if (digits.Length is >= 2 and <= 6 && digits.All(char.IsAsciiDigit))
        {
            return caller.ByShortNumber.TryGetValue(digits, out var line)
                ? new RouteToLine(caller, line, Internal: true)
                : new RouteRejected(404, "Not Found: no such extension");
        }

        var e164 = ToE164(digits);
        if (e164 is null)
        {
            return new RouteRejected(404, "Not Found: not a dialable number");
        }

        if (caller.ByPublicNumber.TryGetValue(e164, out var own))
        {
            return new RouteToLine(caller, own, Internal: true);
        }

        if (table.FindByPublicNumber(e164) is { } other)
        {
            return other.Tenant.Snapshot.Suspended
                ? new RouteRejected(403, "Forbidden: the called company is suspended")
                : new RouteToLine(other.Tenant, other.Line, Internal: false);
        }

        return new RouteToTrunk(e164, Emergency: false);
    }

    /// <summary>"0199000000" → "+33199000000", "0044…" → "+44…", "+…" kept; null when not a number.</summary>
    public static string? ToE164(string digits)
    {
        if (digits.StartsWith('+'))
        {
            return digits.Length is >= 8 and <= 16 && digits[1..].All(char.IsAsciiDigit) ? digits : null;
        }

        if (!digits.All(char.IsAsciiDigit))
        {
            return null;
        }

        if (digits.StartsWith("00", StringComparison.Ordinal))
        {
            return digits.Length is >= 9 and <= 17 ? "+" + digits[2..] : null;
        }

        return digits.Length == 10 && digits[0] == '0' && digits[1] != '0' ? "+33" + digits[1..] : null;
    }
}
