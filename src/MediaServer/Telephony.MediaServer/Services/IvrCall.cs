using System.Text;
using Telephony.MediaServer.Audio;
using Telephony.MediaServer.Ivr;
using Telephony.MediaServer.Media;
using Telephony.Sip.Messages;

namespace Telephony.MediaServer.Services;

/// <summary>An IVR call ready to answer: its menu and every audio it may play, loaded before the 200.</summary>
public sealed record IvrPlan(IvrMenu Menu, string Goodbye, IReadOnlyDictionary<string, short[]> Audio);

/// <summary>
/// An IVR call (<c>sip:ivr@ms;tenant=…;lang=…</c>): an <see cref="IvrRuntime"/> on the call's
/// RTP session. Keys come from RFC 4733 or SIP INFO; the chosen destination goes to the caller
/// in an INFO (<see cref="DestinationType"/>); the goodbye prompt ends the call.
/// </summary>
public sealed class IvrCall : IMediaServiceCall, IIvrLeg
{
    /// <summary>
    /// The body type of the INFO that tells CallControl the caller's choice:
    /// <c>number=&lt;number&gt;</c> and, when the menu gave one, <c>label=&lt;label&gt;</c>, each on a
    /// CRLF-ended line, UTF-8.
    /// </summary>
    public const string DestinationType = "application/x-ivr-destination";

    private readonly Lock _gate = new();
    private readonly IvrPlan _plan;
    private readonly RtpSession _session;
    private readonly TimeProvider _time;
    private readonly Action<string, byte[]> _sendInfo;
    private readonly Action _hangUp;
    private readonly IvrRuntime _runtime;
    private readonly ITimer _timer;
    private PlayingSource? _playing;
    private bool _ended;

    public IvrCall(IvrPlan plan, RtpSession session, TimeProvider time, Action<string, byte[]> sendInfo, Action hangUp)
    {
        _plan = plan;
        _session = session;
        _time = time;
        _sendInfo = sendInfo;
        _hangUp = hangUp;
        _runtime = new IvrRuntime(plan.Menu, plan.Goodbye, this, IvrRuntime.DefaultWait);
        _timer = time.CreateTimer(_ => Run(r => r.Expire(_time.GetUtcNow())), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        session.PlaybackFinished += OnPlaybackFinished;
    }

    /// <summary>The loading and checks before the 200: the menu part of the body, its audio; or the refusal.</summary>
    public static async Task<(IvrPlan? Plan, int Status, string? Reason)> PrepareAsync(SipRequest request, IvrAddress address, IAudioLibrary audio, CancellationToken cancellationToken)
    {
        if (!MultipartBody.TryParse(request.ContentType, request.Body, out var parts, out var error))
        {
            return (null, 400, $"Bad Request: an IVR INVITE carries a multipart/mixed body of SDP and {IvrMenuDocument.MediaType} ({error})");
        }

        if (MultipartBody.Find(parts, IvrMenuDocument.MediaType) is not { } part)
        {
            return (null, 400, $"Bad Request: no {IvrMenuDocument.MediaType} part");
        }

        if (IvrMenuDocument.Parse(part.Content.Span, address.Tenant, out var status, out var reason) is not { } menu)
        {
            return (null, status, reason);
        }

        var goodbye = $"prompt:{address.Language}/{PromptNames.Goodbye}";
        var loaded = new Dictionary<string, short[]>(StringComparer.Ordinal);
        foreach (var name in IvrMenuDocument.Announcements(menu).Append(goodbye))
        {
            if (await audio.LoadAsync(name, cancellationToken) is not { } samples)
            {
                return (null, 404, $"Not Found: no such audio {name}");
            }

            loaded[name] = samples;
        }

        return (new IvrPlan(menu, goodbye, loaded), 0, null);
    }

    public void Start() => Run(r => r.Start());

    public void OnDigit(char digit) => Run(r => r.Press(digit));

    public void OnOfferApplied(AudioNegotiation negotiation)
    {
    }

    public void OnEnded()
    {
        lock (_gate)
        {
            _ended = true;
            _session.PlaybackFinished -= OnPlaybackFinished;
            _timer.Dispose();
        }
    }

    void IIvrLeg.Play(string audio)
    {
        _playing = new PlayingSource(_plan.Audio[audio]);
        _session.Play(_playing);
    }

    void IIvrLeg.Silence()
    {
        _playing = null;
        _session.Play(null);
    }

    void IIvrLeg.ReportDestination(string number, string? label)
    {
        var body = new StringBuilder().Append("number=").Append(number).Append("\r\n");
        if (label is not null)
        {
            body.Append("label=").Append(label).Append("\r\n");
        }

        _sendInfo(DestinationType, Encoding.UTF8.GetBytes(body.ToString()));
    }

    void IIvrLeg.HangUp() => _hangUp();

    /// <summary>The session's source ended; only the end of what plays now counts (an earlier one's event may come late).</summary>
    private void OnPlaybackFinished() => Run(r =>
    {
        if (_playing is { Ended: true })
        {
            _playing = null;
            r.PlaybackFinished(_time.GetUtcNow());
        }
    });

    private void Run(Action<IvrRuntime> action)
    {
        lock (_gate)
        {
            if (_ended)
            {
                return;
            }

            action(_runtime);
            if (_ended)
            {
                return; // the runtime hung up
            }

            _timer.Change(_runtime.Deadline is { } deadline ? Max(deadline - _time.GetUtcNow(), TimeSpan.Zero) : Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }
    }

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>An announcement played once, that says when it has ended.</summary>
    private sealed class PlayingSource(short[] samples) : IAudioSource
    {
        private readonly SampleSource _source = new(samples);
        private volatile bool _ended;

        public bool Ended => _ended;

        public bool Read(Span<short> frame)
        {
            if (_source.Read(frame))
            {
                return true;
            }

            _ended = true;
            return false;
        }
    }
}
