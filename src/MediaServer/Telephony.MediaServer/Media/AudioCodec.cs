namespace Telephony.MediaServer.Media;

/// <summary>
/// The codecs we speak; the value is the static RTP payload type of RFC 3551 §6 (table 4):
/// PCMU is 0 and PCMA is 8, both 8 kHz mono.
/// </summary>
public enum AudioCodec : byte
{
    Pcmu = 0,
    Pcma = 8,
}
