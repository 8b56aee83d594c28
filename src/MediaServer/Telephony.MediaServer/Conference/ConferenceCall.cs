using Telephony.MediaServer.Media;
using Telephony.MediaServer.Services;

namespace Telephony.MediaServer.Conference;

/// <summary>
/// A call in a conference room: its RTP session writes what it receives into the party's buffer
/// and plays the party's mix. Keys are ignored (RFC 4733 events never reach the mix: the session
/// hands only audio payloads to its recorder).
/// </summary>
public sealed class ConferenceCall(ConferenceRooms rooms, ConferenceParty party, RtpSession session) : IMediaServiceCall
{
    public void Start()
    {
        session.Recorder = party;
        session.Play(party);
    }

    public void OnDigit(char digit)
    {
    }

    public void OnOfferApplied(AudioNegotiation negotiation) =>
        party.Held = negotiation.Direction != MediaDirection.SendReceive;

    public void OnEnded()
    {
        session.Recorder = null;
        rooms.Leave(party);
    }
}
