namespace Telephony.MediaServer.Media;

/// <summary>
/// Receives RFC 4733 packets of one stream and reports each digit once (an event is identified
/// by its RTP timestamp; start, updates and the 3 redundant end packets count once; a lost start
/// still reports on the first packet seen; reordered/duplicated packets are not reported twice).
/// </summary>
/// <remarks>
/// RFC 4733 §2.5.1: every packet of an event carries the event's start as its RTP timestamp,
/// so a new timestamp is a new event, whatever the marker bit says (the packet that carries it
/// may be lost). A packet whose timestamp is older than the latest event's belongs to an event
/// already reported or superseded, and is dropped; "older" is compared in serial-number
/// arithmetic and only within <see cref="ReorderWindow"/>, so a sender that restarts its clock
/// far back is heard again. RFC 4733 §2.5.1.3 and §2.5.2.3: an event longer than the 16-bit
/// duration goes on in a new segment whose timestamp is the previous one plus its duration,
/// without the marker bit; that continuation is not a new key press. A new SSRC is a new stream
/// (RFC 3550 §8). One instance per stream; not thread-safe (the stream's receive loop owns it).
/// </remarks>
public sealed class DtmfDetector
{
    /// <summary>
    /// How far back (in 8 kHz timestamp units) a packet is taken for a late one rather than a new
    /// stream: a full 16-bit duration plus the same again, so even the delayed end packets of
    /// the longest segment are recognised.
    /// </summary>
    public const uint ReorderWindow = 2 * (ushort.MaxValue + 1);

    /// <summary>Slack for updates lost just before a segment boundary: three packets of 20 ms.</summary>
    private const uint SegmentSlack = 3 * 160;

    private bool _hasEvent;
    private uint _ssrc;
    private uint _timestamp;
    private byte _event;
    private bool _ended;
    private ushort _duration;

    /// <summary>Returns the digit when this packet starts (or first reveals) a new event, else null.</summary>
    public char? Feed(in RtpHeader header, in TelephoneEvent telephoneEvent)
    {
        if (_hasEvent && header.Ssrc == _ssrc)
        {
            var delta = header.Timestamp - _timestamp;
            if (delta == 0)
            {
                _ended |= telephoneEvent.End;
                _duration = Math.Max(_duration, telephoneEvent.Duration);
                return null;
            }

            // Serial-number arithmetic: a difference past half the space is behind us.
            if (delta > int.MaxValue && 0u - delta <= ReorderWindow)
            {
                return null;
            }

            if (IsNextSegment(header, telephoneEvent, delta))
            {
                Remember(header, telephoneEvent);
                return null;
            }
        }

        Remember(header, telephoneEvent);
        return TelephoneEvents.ToDigit(telephoneEvent.Event);
    }

    private bool IsNextSegment(in RtpHeader header, in TelephoneEvent telephoneEvent, uint delta) =>
        !header.Marker
        && !_ended
        && telephoneEvent.Event == _event
        && delta <= (uint)_duration + SegmentSlack;

    private void Remember(in RtpHeader header, in TelephoneEvent telephoneEvent)
    {
        _hasEvent = true;
        _ssrc = header.Ssrc;
        _timestamp = header.Timestamp;
        _event = telephoneEvent.Event;
        _ended = telephoneEvent.End;
        _duration = telephoneEvent.Duration;
    }
}
