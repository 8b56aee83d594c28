using Telephony.MediaServer.Media;
using Telephony.MediaServer.Services;
using Telephony.Sip.Dialogs;

namespace Telephony.MediaServer.Sip;

/// <summary>One call to a media service: its dialog with the caller (CallControl) and its RTP session.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Reliability", "CA1001", Justification = "HungUp's source has no timer, so nothing to release; disposing it while a voicemail flow still observes the token would race.")]
public sealed class MediaCall(Dialog dialog, RtpSession session, long sdpSessionId)
{
    /// <summary>The collection of a <c>collect</c> service; null for announcements.</summary>
    public DigitCollector? Collector { get; set; }

    /// <summary>The service's own behaviour (conference, IVR); null for announcements and collections.</summary>
    public IMediaServiceCall? Service { get; set; }

    /// <summary>Fires when the collector's wait runs out.</summary>
    public ITimer? CollectTimer { get; set; }

    /// <summary>Digits received in SIP INFO, in the order they were received, until handled.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<char> InfoDigits { get; } = new();

    /// <summary>Where the keys of a voicemail call go; null for other services.</summary>
    public Action<char>? KeyPressed { get; set; }

    private readonly CancellationTokenSource _hungUp = new();
    private int _ended;
    private long _sdpVersion;

    public Dialog Dialog { get; } = dialog;

    public RtpSession Session { get; } = session;

    public long SdpSessionId { get; } = sdpSessionId;

    /// <summary>The o= version of our next SDP (RFC 4566 §5.2: incremented with each change).</summary>
    public long NextSdpVersion() => Interlocked.Increment(ref _sdpVersion);

    /// <summary>Cancelled when the call ends, whoever hangs up.</summary>
    public CancellationToken HungUp => _hungUp.Token;

    /// <summary>True only for the first caller: a call ends once, whoever hangs up.</summary>
    public bool End()
    {
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            return false;
        }

        _hungUp.Cancel();
        return true;
    }
}
