using System.Globalization;
using Telephony.MediaServer.Voicemail;
using Telephony.Sip.Messages;

namespace Telephony.MediaServer.Services;

/// <summary>
/// What CallControl asks for, read from the INVITE's Request-URI in the style of RFC 4240
/// ("Basic Network Media Services with SIP"): the user part names the service, URI parameters
/// its arguments. <c>sip:annc@ms;play=prompt:fr/welcome</c> plays once then hangs up;
/// <c>;repeat=forever</c> loops (hold music, waiting); <c>;delay=2000</c> pauses between
/// repetitions (RFC 4240 §3.2). Audio names: <c>prompt:&lt;language&gt;/&lt;name&gt;</c> for the
/// predefined prompts, <c>announcement:&lt;tenant id&gt;/&lt;announcement id&gt;</c> for a
/// tenant's recordings. <c>sip:collect@ms;play=prompt:fr/enter-pin;digits=4;term=#;timeout=5000;interdigit=3000</c>
/// plays the optional prompt, collects DTMF (a key interrupts the prompt) and reports the
/// digits to the caller in an INFO before hanging up. <c>sip:conf=&lt;room&gt;@ms;tenant=&lt;tenant id&gt;</c>
/// joins a conference room (RFC 4240 §5), <c>sip:ivr@ms;tenant=&lt;tenant id&gt;;lang=fr</c> runs the
/// IVR menu of the INVITE's body.
/// </summary>
/// <remarks><c>sip:voicemail@ms;tenant=…;box=…</c> is the voicemail, which reads its own parameters (<see cref="VoicemailRequest"/>).</remarks>
public sealed record MediaServiceRequest(string Service, string? Play, int Repetitions, TimeSpan Delay, CollectRequest? Collect = null, RoomAddress? Room = null, IvrAddress? Ivr = null, VoicemailRequest? Voicemail = null)
{
    public const string Announcement = "annc";
    public const string Collection = "collect";
    public const string Conference = "conf";
    public const string InteractiveVoiceResponse = "ivr";
    private const int MaxRepetitions = 1000;

    /// <summary>The request, or the SIP status that refuses it with its reason (404 unknown service, 400 bad arguments).</summary>
    public static MediaServiceRequest? Parse(SipUri uri, out int status, out string? reason)
    {
        status = 0;
        reason = null;
        if (RoomAddress.IsConference(uri) || string.Equals(uri.User, InteractiveVoiceResponse, StringComparison.OrdinalIgnoreCase))
        {
            return ParseTenantService(uri, out status, out reason);
        }

        var service = uri.User?.ToLowerInvariant();
        if (service == VoicemailRequest.Service)
        {
            var voicemail = VoicemailRequest.Parse(uri, out reason);
            status = voicemail is null ? 400 : 0;
            return voicemail is null ? null : new MediaServiceRequest(service, null, 1, TimeSpan.Zero, Voicemail: voicemail);
        }

        if (service is not (Announcement or Collection))
        {
            status = 404;
            reason = "Not Found: no such media service";
            return null;
        }

        var play = uri.Parameters["play"];
        if (string.IsNullOrWhiteSpace(play) && service == Announcement)
        {
            status = 400;
            reason = "Bad Request: play is required";
            return null;
        }

        CollectRequest? collect = null;
        if (service == Collection)
        {
            collect = CollectRequest.Parse(uri);
            if (collect is null)
            {
                status = 400;
                reason = "Bad Request: digits is 1-32, term one of 0-9 * #, timeout and interdigit 1-60000 ms";
                return null;
            }
        }

        var repeat = uri.Parameters["repeat"];
        var repetitions = repeat is null ? 1
            : string.Equals(repeat, "forever", StringComparison.OrdinalIgnoreCase) ? Media.SampleSource.Forever
            : int.TryParse(repeat, NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count is >= 1 and <= MaxRepetitions ? count
            : -1;
        var delay = uri.Parameters["delay"] is { } text
            ? int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds <= 60_000 ? milliseconds : -1
            : 0;
        if (repetitions < 0 || delay < 0)
        {
            status = 400;
            reason = "Bad Request: repeat is 1-1000 or forever, delay 0-60000 ms";
            return null;
        }

        return new MediaServiceRequest(service, play is null ? null : Uri.UnescapeDataString(play), repetitions, TimeSpan.FromMilliseconds(delay), collect);
    }

    /// <summary>The services of a tenant (conference, IVR): the tenant is required, a Guid.</summary>
    private static MediaServiceRequest? ParseTenantService(SipUri uri, out int status, out string? reason)
    {
        status = 400;
        if (!Guid.TryParseExact(uri.Parameters["tenant"] ?? "", "D", out var tenant) || tenant == Guid.Empty)
        {
            reason = "Bad Request: tenant (a Guid) is required";
            return null;
        }

        if (RoomAddress.IsConference(uri))
        {
            var room = uri.User![RoomAddress.Prefix.Length..];
            reason = RoomAddress.IsValidName(room) ? null : "Bad Request: the room is 1-64 letters, digits, '-', '_' or '.'";
            status = reason is null ? 0 : 400;
            return reason is null ? new MediaServiceRequest(Conference, null, 1, TimeSpan.Zero, Room: new RoomAddress(tenant, room)) : null;
        }

        var language = uri.Parameters["lang"] is { } lang ? Audio.AudioLanguage.Normalize(lang) : null;
        reason = language is null ? "Bad Request: lang is fr or en" : null;
        status = language is null ? 400 : 0;
        return language is null ? null : new MediaServiceRequest(InteractiveVoiceResponse, null, 1, TimeSpan.Zero, Ivr: new IvrAddress(tenant, language));
    }
}

/// <summary>A conference room (RFC 4240 §5 <c>conf=&lt;room&gt;</c>): a name CallControl chooses, scoped by tenant.</summary>
public sealed record RoomAddress(Guid Tenant, string Name)
{
    public const string Prefix = "conf=";
    private const int MaxNameLength = 64;

    public static bool IsConference(SipUri uri) => uri.User?.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase) == true;

    public static bool IsValidName(string name) =>
        name.Length is > 0 and <= MaxNameLength && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.');
}

/// <summary>An IVR call of a tenant, with the language of its goodbye prompt; the menu comes in the INVITE's body.</summary>
public sealed record IvrAddress(Guid Tenant, string Language);

/// <summary>What a collection waits for (see <see cref="DigitCollector"/>).</summary>
public sealed record CollectRequest(int MaxDigits, char? Terminator, TimeSpan FirstDigitTimeout, TimeSpan InterDigitTimeout)
{
    public static CollectRequest? Parse(SipUri uri)
    {
        var digits = Number(uri.Parameters["digits"], 1, DigitCollector.Limit, 1);
        var timeout = Number(uri.Parameters["timeout"], 1, 60_000, 5000);
        var interDigit = Number(uri.Parameters["interdigit"], 1, 60_000, 3000);
        var term = uri.Parameters["term"] is { } text ? Uri.UnescapeDataString(text) : "#";
        if (digits is null || timeout is null || interDigit is null || term.Length != 1 || !"0123456789*#".Contains(term[0], StringComparison.Ordinal))
        {
            return null;
        }

        return new CollectRequest(digits.Value, term[0], TimeSpan.FromMilliseconds(timeout.Value), TimeSpan.FromMilliseconds(interDigit.Value));
    }

    private static int? Number(string? text, int min, int max, int fallback) =>
        text is null ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max ? value
        : null;
}

/// <summary>Finds the audio a service plays by its name (prompt:… or announcement:…).</summary>
public interface IAudioLibrary
{
    /// <summary>The samples (8 kHz, 16-bit) of <paramref name="name"/>; null when there is no such audio.</summary>
    ValueTask<short[]?> LoadAsync(string name, CancellationToken cancellationToken);
}
