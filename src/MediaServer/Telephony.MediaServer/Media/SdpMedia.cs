namespace Telephony.MediaServer.Media;

/// <summary>
/// One media description (RFC 4566 §5.14, "m=") with the attributes we use.
/// <see cref="ConnectionAddress"/> and <see cref="Direction"/> are the effective ones: the media's
/// own c= line or direction attribute, or else the session's (RFC 4566 §5.7, §6).
/// <see cref="PayloadTypes"/> are the formats of an RTP profile (empty for other transports,
/// such as T.38's udptl); <see cref="Formats"/> keeps the m= line's formats as written.
/// </summary>
public sealed record SdpMedia(
    string Media,
    int Port,
    string Protocol,
    IReadOnlyList<int> PayloadTypes,
    IReadOnlyDictionary<int, string> RtpMaps,
    IReadOnlyDictionary<int, string> Fmtps,
    MediaDirection Direction,
    string? ConnectionAddress,
    int? PacketTime)
{
    private readonly IReadOnlyList<string>? _formats;

    /// <summary>The m= line's formats as written; by default the payload types.</summary>
    public IReadOnlyList<string> Formats
    {
        get => _formats ?? PayloadTypes.Select(pt => pt.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        init => _formats = value;
    }
}
