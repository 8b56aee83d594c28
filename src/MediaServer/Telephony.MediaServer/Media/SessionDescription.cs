namespace Telephony.MediaServer.Media;

/// <summary>
/// SDP (RFC 4566) as far as we need: one session, its media descriptions in order.
/// <see cref="Origin"/> is the o= line's value (its session version tells a changed offer from a
/// repeated one, RFC 3264 §8); <see cref="ConnectionAddress"/> and <see cref="Direction"/> are
/// the session-level ones.
/// </summary>
public sealed record SessionDescription(string Origin, string? ConnectionAddress, IReadOnlyList<SdpMedia> Media, MediaDirection Direction);
