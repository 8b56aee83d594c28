namespace Telephony.MediaServer.Media;

/// <summary>
/// The sender information of an RTCP sender report (RFC 3550 §6.4.1): who sent it, its wall clock
/// as a 64-bit NTP timestamp (RFC 3550 §4), the RTP timestamp of that same instant, and what it
/// has sent so far.
/// </summary>
public readonly record struct RtcpSenderInfo(uint Ssrc, ulong NtpTimestamp, uint RtpTimestamp, uint PacketCount, uint OctetCount);
