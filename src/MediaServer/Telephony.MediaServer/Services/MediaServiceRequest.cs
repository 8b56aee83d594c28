using System.Globalization;
using Telephony.Sip.Messages;

namespace Telephony.MediaServer.Services;

/// <summary>
/// What CallControl asks for, read from the INVITE's Request-URI in the style of RFC 4240
/// ("Basic Network Media Services with SIP"): the user part names the service, URI parameters
/// its arguments. <c>sip:annc@ms;play=prompt:fr/welcome</c> plays once then hangs up;
/// <c>;repeat=forever</c> loops (hold music, waiting); <c>;delay=2000</c> pauses between
/// repetitions (RFC 4240 §3.2). Audio names: <c>prompt:&lt;language&gt;/&lt;name&gt;</c> for the
/// predefined prompts, <c>announcement:&lt;tenant id&gt;/&lt;announcement id&gt;</c> for a
/// tenant's recordings.
/// </summary>
public sealed record MediaServiceRequest(string Service, string Play, int Repetitions, TimeSpan Delay)
{
    public const string Announcement = "annc";
    private const int MaxRepetitions = 1000;

    /// <summary>The request, or the SIP status that refuses it with its reason (404 unknown service, 400 bad arguments).</summary>
    public static MediaServiceRequest? Parse(SipUri uri, out int status, out string? reason)
    {
        status = 0;
        reason = null;
        if (!string.Equals(uri.User, Announcement, StringComparison.OrdinalIgnoreCase))
        {
            status = 404;
            reason = "Not Found: no such media service";
            return null;
        }

        var play = uri.Parameters["play"];
        if (string.IsNullOrWhiteSpace(play))
        {
            status = 400;
            reason = "Bad Request: play is required";
            return null;
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

        return new MediaServiceRequest(Announcement, Uri.UnescapeDataString(play), repetitions, TimeSpan.FromMilliseconds(delay));
    }
}

/// <summary>Finds the audio a service plays by its name (prompt:… or announcement:…).</summary>
public interface IAudioLibrary
{
    /// <summary>The samples (8 kHz, 16-bit) of <paramref name="name"/>; null when there is no such audio.</summary>
    ValueTask<short[]?> LoadAsync(string name, CancellationToken cancellationToken);
}
