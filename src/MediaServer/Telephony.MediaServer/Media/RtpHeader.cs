namespace Telephony.MediaServer.Media;

/// <summary>An RTP fixed header (RFC 3550 §5.1) without CSRCs.</summary>
public readonly record struct RtpHeader(bool Marker, byte PayloadType, ushort SequenceNumber, uint Timestamp, uint Ssrc);
