namespace Telephony.MediaServer.Media;

/// <summary>
/// RFC 4733 §2.3 telephone-event payload: the event code, the E (end) bit, the volume in -dBm0
/// (6 bits, 0-63) and the duration so far in RTP timestamp units.
/// </summary>
public readonly record struct TelephoneEvent(byte Event, bool End, byte Volume, ushort Duration);
