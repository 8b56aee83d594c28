using Telephony.MediaServer.Media;

namespace Telephony.MediaServer.Services;

/// <summary>
/// What a service does in an answered call beyond playing audio (conference, IVR): it hears the
/// caller's keys and new offers, and learns when the call ends, whoever ended it.
/// </summary>
public interface IMediaServiceCall
{
    /// <summary>The call is answered (its 200 sent): the service starts playing.</summary>
    void Start();

    /// <summary>A key from RFC 4733 or SIP INFO.</summary>
    void OnDigit(char digit);

    /// <summary>A re-INVITE was answered (hold: our direction is no longer sendrecv).</summary>
    void OnOfferApplied(AudioNegotiation negotiation);

    /// <summary>The call ended (BYE from either side); called once.</summary>
    void OnEnded();
}
