namespace Telephony.MediaServer.Media;

/// <summary>
/// The direction attributes of SDP (RFC 4566 §6: a=sendrecv, a=sendonly, a=recvonly,
/// a=inactive), seen from the side that wrote the description.
/// </summary>
public enum MediaDirection
{
    SendReceive,
    SendOnly,
    ReceiveOnly,
    Inactive,
}
