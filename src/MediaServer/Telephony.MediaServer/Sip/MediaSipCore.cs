using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Telephony.MediaServer.Conference;
using Telephony.MediaServer.Media;
using Telephony.MediaServer.Services;
using Telephony.MediaServer.Voicemail;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.MediaServer.Sip;

/// <summary>
/// The media server's SIP user agent: an INVITE to a media service (RFC 4240) is answered 200
/// with our SDP answer and an RTP session paced by the media clock; a re-INVITE changes the
/// direction (hold); a BYE from either side ends the call; a service that finishes (an
/// announcement played once) hangs up itself. Services with behaviour of their own (conference,
/// IVR) are an <see cref="IMediaServiceCall"/> the call hands its keys, offers and end to; a
/// <c>voicemail</c> call is run by <see cref="VoicemailService"/> on an <see cref="RtpCallChannel"/>,
/// and hung up when it is done. Refusals say why: 404 unknown service or audio, 400 bad
/// arguments or body, 403 another tenant's audio, 486 conference room full, 488 no common
/// codec, 503 no RTP port left.
/// </summary>
public sealed partial class MediaSipCore(
    IAudioLibrary audio,
    RtpPorts ports,
    ConferenceRooms conferences,
    RtpReceiver receiver,
    MediaClock clock,
    MediaMetrics metrics,
    VoicemailService voicemail,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILogger<MediaSipCore> logger) : ISipCore
{
    private const string Allow = "INVITE, ACK, BYE, CANCEL, OPTIONS, INFO";

    /// <summary>The body type of the INFO that reports collected digits to the caller.</summary>
    public const string CollectedDigitsType = "application/x-collected-digits";

    /// <summary>The body type of the INFO that reports an IVR caller's choice (see <see cref="IvrCall.DestinationType"/>).</summary>
    public const string IvrDestinationType = IvrCall.DestinationType;
    private readonly ConcurrentDictionary<string, MediaCall> _calls = new(StringComparer.Ordinal);

    public SipStack? Stack { get; set; }

    public int ActiveCalls => _calls.Count;

    private Contact Us => new(options.Value.AdvertisedHost, options.Value.SipPort, "media");

    public void OnRequest(ServerTransaction transaction)
    {
        var request = transaction.Request;
        try
        {
            switch (request.Method)
            {
                case SipMethod.Invite when request.To?.Tag is null:
                    _ = AnswerAsync((ServerInviteTransaction)transaction);
                    return;
                case SipMethod.Invite:
                    Reinvite((ServerInviteTransaction)transaction);
                    return;
                case SipMethod.Bye:
                    Bye(transaction);
                    return;
                case SipMethod.Info:
                    Info(transaction);
                    return;
                case SipMethod.Cancel:
                    transaction.SendResponse(SipResponse.For(request, 200));
                    return;
                case SipMethod.Options:
                    transaction.SendResponse(WithAllow(SipResponse.For(request, 200)));
                    return;
                default:
                    transaction.SendResponse(WithAllow(SipResponse.For(request, SipMethod.IsKnown(request.Method) ? 405 : 501)));
                    return;
            }
        }
        catch (Exception ex)
        {
            LogFailed(logger, request.Method, ex);
            transaction.SendResponse(SipResponse.For(request, 500));
        }
    }

    public void OnAck(SipRequest ack, SipEndPoint source)
    {
    }

    public void OnStrayResponse(SipResponse response, SipEndPoint source)
    {
    }

    public void OnTimeout(ServerTransaction transaction)
    {
    }

    public void OnTransportError(ServerTransaction transaction)
    {
    }

    private async Task AnswerAsync(ServerInviteTransaction transaction)
    {
        var request = transaction.Request;
        try
        {
            if (MediaServiceRequest.Parse(request.RequestUri, out var status, out var reason) is not { } service)
            {
                transaction.SendResponse(SipResponse.For(request, status, reason));
                return;
            }

            if (!TryNegotiate(request, out var offer, out var negotiation, out var refusal))
            {
                transaction.SendResponse(refusal!);
                return;
            }

            if (Dialog.ForIncoming(request, transaction.Remote) is not { } dialog)
            {
                transaction.SendResponse(SipResponse.For(request, 400, "Bad Request: From, To and Contact are required"));
                return;
            }

            IvrPlan? ivr = null;
            if (service.Ivr is { } ivrAddress)
            {
                (ivr, var ivrStatus, var ivrReason) = await IvrCall.PrepareAsync(request, ivrAddress, audio, CancellationToken.None);
                if (ivr is null)
                {
                    transaction.SendResponse(SipResponse.For(request, ivrStatus, ivrReason));
                    return;
                }
            }

            var samples = service.Play is null ? [] : await audio.LoadAsync(service.Play, CancellationToken.None);
            if (samples is null)
            {
                transaction.SendResponse(SipResponse.For(request, 404, "Not Found: no such audio"));
                return;
            }

            // Busy rather than 403: the room is full now, a place frees when a party leaves (RFC 3261 §21.4.24).
            ConferenceParty? party = null;
            if (service.Room is { } room && (party = conferences.Join(room.Tenant, room.Name)) is null)
            {
                transaction.SendResponse(SipResponse.For(request, 486, $"Busy Here: the conference room is full ({ConferenceRoom.MaxParties} parties)"));
                return;
            }

            if (ports.Bind(options.Value.RtpBindAddress) is not { } sockets)
            {
                if (party is not null)
                {
                    conferences.Leave(party);
                }

                transaction.SendResponse(SipResponse.For(request, 503, "Service Unavailable: no RTP port left"));
                return;
            }

            var session = new RtpSession(sockets.Rtp, sockets.Rtcp, receiver, metrics, time);
            session.Apply(negotiation!);
            var call = new MediaCall(dialog, session, RandomNumberGenerator.GetInt32(int.MaxValue));
            call.Service = party is not null ? new ConferenceCall(conferences, party, session)
                : ivr is not null ? new IvrCall(ivr, session, time, (type, body) => SendInfo(call, type, body), () => Hangup(call))
                : null;
            if (!_calls.TryAdd(dialog.CallId, call))
            {
                call.Service?.OnEnded();
                await session.DisposeAsync();
                transaction.SendResponse(SipResponse.For(request, 482, "Loop Detected"));
                return;
            }

            // Every service listens before the 200 goes: the caller may send its first key (an
            // INFO) as soon as it has the answer, and a key before the listener would be lost.
            if (call.Service is { } serviceCall)
            {
                session.DigitReceived += serviceCall.OnDigit;
                serviceCall.Start();
                serviceCall.OnOfferApplied(negotiation!); // a party may join on hold
                transaction.SendResponse(Answer(request, call, offer!, transaction.Remote));
                clock.Add(session);
                LogAnswered(logger, dialog.CallId, service.Service, service.Room?.Name ?? "", negotiation!.Codec);
                return;
            }

            if (service.Voicemail is { } box)
            {
                StartVoicemail(call, box, request);
            }
            else if (service.Collect is { } collect)
            {
                StartCollecting(call, collect);
            }
            else
            {
                session.PlaybackFinished += () => Hangup(call);
            }

            if (service.Voicemail is null)
            {
                session.Play(new SampleSource(samples, service.Repetitions, service.Delay));
            }

            transaction.SendResponse(Answer(request, call, offer!, transaction.Remote));
            clock.Add(session);
            LogAnswered(logger, dialog.CallId, service.Service, service.Play ?? "", negotiation!.Codec);
        }
        catch (Exception ex)
        {
            LogFailed(logger, request.Method, ex);
            transaction.SendResponse(SipResponse.For(request, 500));
        }
    }

    /// <summary>A new offer in the dialog: hold (sendonly/inactive) or resume changes what we send.</summary>
    private void Reinvite(ServerInviteTransaction transaction)
    {
        var request = transaction.Request;
        if (request.CallId is not { } callId || !_calls.TryGetValue(callId, out var call))
        {
            transaction.SendResponse(SipResponse.For(request, 481));
            return;
        }

        if (!TryNegotiate(request, out var offer, out var negotiation, out var refusal))
        {
            transaction.SendResponse(refusal!);
            return;
        }

        call.Session.Apply(negotiation!);
        call.Service?.OnOfferApplied(negotiation!);
        transaction.SendResponse(Answer(request, call, offer!, transaction.Remote));
    }

    private void Bye(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (request.CallId is not { } callId || !_calls.TryGetValue(callId, out var call))
        {
            transaction.SendResponse(SipResponse.For(request, 481));
            return;
        }

        transaction.SendResponse(SipResponse.For(request, 200));
        _ = EndAsync(call);
    }

    private void StartCollecting(MediaCall call, CollectRequest collect)
    {
        var now = time.GetUtcNow();
        call.Collector = new DigitCollector(collect.MaxDigits, collect.Terminator, collect.FirstDigitTimeout, collect.InterDigitTimeout, now);
        call.Session.DigitReceived += digit => OnDigit(call, digit);
        call.CollectTimer = time.CreateTimer(_ => OnCollectTimer(call), null, collect.FirstDigitTimeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The voicemail service (Voicemail/) runs the call; when it is done, we hang up.</summary>
    private void StartVoicemail(MediaCall call, VoicemailRequest box, SipRequest invite)
    {
        var channel = new RtpCallChannel(call.Session, time, call.HungUp);
        call.KeyPressed = channel.Press;
        call.Session.DigitReceived += digit => OnDigit(call, digit);
        _ = RunVoicemailAsync(call, channel, box, VoicemailCallers.Of(invite));
    }

    private async Task RunVoicemailAsync(MediaCall call, RtpCallChannel channel, VoicemailRequest box, VoicemailCaller caller)
    {
        try
        {
            await voicemail.RunAsync(box, caller, channel, call.Dialog.CallId);
        }
        catch (Exception ex)
        {
            LogFailed(logger, SipMethod.Invite, ex);
        }

        Hangup(call);
    }

    /// <summary>A key from RFC 4733 or SIP INFO: it interrupts the prompt and may end the collection.</summary>
    private void OnDigit(MediaCall call, char digit)
    {
        if (call.Service is { } service)
        {
            service.OnDigit(digit);
            return;
        }

        call.KeyPressed?.Invoke(digit);
        if (call.Collector is not { } collector)
        {
            return;
        }

        CollectedDigits? result;
        lock (collector)
        {
            call.Session.Play(null);
            result = collector.Add(digit, time.GetUtcNow());
            if (result is null)
            {
                call.CollectTimer?.Change(collector.InterDigitTimeout, Timeout.InfiniteTimeSpan);
            }
        }

        if (result is not null)
        {
            Report(call, result);
        }
    }

    private void OnCollectTimer(MediaCall call)
    {
        CollectedDigits? result;
        lock (call.Collector!)
        {
            result = call.Collector.Expire(time.GetUtcNow());
        }

        if (result is not null)
        {
            Report(call, result);
        }
    }

    /// <summary>The digits go to the caller in an INFO (CallControl acts on them), then we hang up.</summary>
    private void Report(MediaCall call, CollectedDigits result)
    {
        call.CollectTimer?.Dispose();
        LogCollected(logger, call.Dialog.CallId, result.Digits.Length, result.End);
        SendInfo(call, CollectedDigitsType, Encoding.ASCII.GetBytes($"digits={result.Digits}\r\nend={result.End}\r\n"));
        Hangup(call);
    }

    /// <summary>An INFO in the call's dialog that tells the caller (CallControl) a service's result.</summary>
    private void SendInfo(MediaCall call, string contentType, byte[] body)
    {
        var info = call.Dialog.NewRequest(SipMethod.Info, Us);
        info.Headers.Add(SipHeaderNames.ContentType, contentType);
        info.Body = body;
        Stack?.SendRequest(info, call.Dialog.Destination, ClientTransactionUsers.Ignoring);
    }

    /// <summary>
    /// SIP INFO in a call: DTMF as application/dtmf-relay ("Signal=5", the form phones and
    /// gateways send when RFC 4733 is not negotiated) or application/dtmf; other bodies 415.
    /// </summary>
    private void Info(ServerTransaction transaction)
    {
        var request = transaction.Request;
        if (request.CallId is not { } callId || !_calls.TryGetValue(callId, out var call))
        {
            transaction.SendResponse(SipResponse.For(request, 481));
            return;
        }

        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is not ("application/dtmf-relay" or "application/dtmf"))
        {
            var refused = SipResponse.For(request, 415);
            refused.Headers.Add(SipHeaderNames.Accept, "application/dtmf-relay, application/dtmf");
            transaction.SendResponse(refused);
            return;
        }

        // The caller sends its next INFO once this 200 arrives, and that INFO may be handled on
        // another thread before this one goes on: the digit takes its place in the call's queue
        // before the 200, and digits leave the queue in order (a PIN must not arrive shuffled).
        if (InfoDigit(Encoding.ASCII.GetString(request.Body.Span), type) is { } digit)
        {
            call.InfoDigits.Enqueue(digit);
        }

        transaction.SendResponse(SipResponse.For(request, 200));
        lock (call.InfoDigits)
        {
            while (call.InfoDigits.TryDequeue(out var next))
            {
                OnDigit(call, next);
            }
        }
    }

    /// <summary>The key of a dtmf-relay body ("Signal=5\r\nDuration=160") or of a dtmf body ("5").</summary>
    internal static char? InfoDigit(string body, string type)
    {
        var value = type == "application/dtmf"
            ? body.Trim()
            : body.Split('\n').Select(l => l.Split('=', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals("Signal", StringComparison.OrdinalIgnoreCase)).Select(p => p[1].Trim()).FirstOrDefault() ?? "";
        return value.Length == 1 && "0123456789*#ABCDabcd".Contains(value[0], StringComparison.Ordinal) ? char.ToUpperInvariant(value[0]) : null;
    }

    /// <summary>The service finished (an announcement played once, digits collected): we hang up.</summary>
    private void Hangup(MediaCall call)
    {
        if (!_calls.ContainsKey(call.Dialog.CallId))
        {
            return;
        }

        Stack?.SendRequest(call.Dialog.NewRequest(SipMethod.Bye, Us), call.Dialog.Destination, ClientTransactionUsers.Ignoring);
        _ = EndAsync(call);
    }

    private async Task EndAsync(MediaCall call)
    {
        if (!call.End())
        {
            return;
        }

        _calls.TryRemove(call.Dialog.CallId, out _);
        call.CollectTimer?.Dispose();
        call.Service?.OnEnded();
        clock.Remove(call.Session);
        await call.Session.DisposeAsync();
        LogEnded(logger, call.Dialog.CallId);
    }

    private static bool TryNegotiate(SipRequest request, out SessionDescription? offer, out AudioNegotiation? negotiation, out SipResponse? refusal)
    {
        offer = null;
        negotiation = null;
        refusal = null;
        var body = request.Body;
        if (MultipartBody.IsMultipart(request.ContentType))
        {
            // RFC 5621: the offer is the SDP part of a multipart body (the IVR's INVITE).
            if (!MultipartBody.TryParse(request.ContentType, request.Body, out var parts, out var malformed))
            {
                refusal = SipResponse.For(request, 400, $"Bad Request: {malformed}");
                return false;
            }

            body = MultipartBody.Find(parts, "application/sdp")?.Content ?? ReadOnlyMemory<byte>.Empty;
        }
        else if (!string.Equals(MultipartBody.MediaTypeOf(request.ContentType), "application/sdp", StringComparison.Ordinal))
        {
            body = ReadOnlyMemory<byte>.Empty;
        }

        if (body.Length == 0)
        {
            // An offer in the ACK (RFC 3264 §5) is not supported: CallControl always offers first.
            refusal = SipResponse.For(request, 488, "Not Acceptable Here: an SDP offer is required");
            return false;
        }

        if (!Sdp.TryParse(Encoding.UTF8.GetString(body.Span), out offer, out var error))
        {
            refusal = SipResponse.For(request, 488, $"Not Acceptable Here: {error}");
            return false;
        }

        // Every service answers sendrecv, even one that only plays: DTMF comes back on the same
        // stream, and softphones answered sendonly do not always start playing (baresip 1.0).
        if (!SdpNegotiation.TryAnswer(offer!, MediaDirection.SendReceive, out negotiation, out var reason))
        {
            refusal = SipResponse.For(request, 488, $"Not Acceptable Here: {reason}");
            return false;
        }

        return true;
    }

    /// <summary>200 with our answer: one m= line per offered one, the audio we accept, the rest refused at port 0 (RFC 3264 §6).</summary>
    private SipResponse Answer(SipRequest request, MediaCall call, SessionDescription offer, SipEndPoint remote)
    {
        var response = SipResponse.For(request, 200);
        response.Headers.Set(SipHeaderNames.To, call.Dialog.LocalToHeader);
        response.Headers.Add(SipHeaderNames.Contact, Us.ContactHeader(remote));
        response.Headers.Add(SipHeaderNames.Allow, Allow);
        response.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        var sdp = SdpNegotiation.Write(IPAddress.Parse(AdvertisedMediaAddress()), call.Session.LocalEndPoint.Port, call.Session.Negotiation!, call.SdpSessionId, call.NextSdpVersion(), offer);
        response.Body = Encoding.UTF8.GetBytes(sdp);
        return response;
    }

    /// <summary>The address in our SDP's c= line: the advertised one, else the RTP bind address when specific.</summary>
    private string AdvertisedMediaAddress()
    {
        var settings = options.Value;
        var bind = settings.RtpBindAddress;
        return settings.AdvertisedAddress is { Length: > 0 } advertised ? advertised
            : bind.Equals(IPAddress.Any) || bind.Equals(IPAddress.IPv6Any) ? settings.AdvertisedHost
            : bind.ToString();
    }

    private static SipResponse WithAllow(SipResponse response)
    {
        response.Headers.Add(SipHeaderNames.Allow, Allow);
        return response;
    }

    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Call {CallId}: {Service} playing {Play} ({Codec})")]
    private static partial void LogAnswered(ILogger logger, string callId, string service, string play, AudioCodec codec);

    // Never the digits themselves: they may be a voicemail PIN.
    [LoggerMessage(EventId = 6103, Level = LogLevel.Information, Message = "Call {CallId}: collected {Count} digit(s) ({End})")]
    private static partial void LogCollected(ILogger logger, string callId, int count, CollectionEnd end);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Call {CallId} ended")]
    private static partial void LogEnded(ILogger logger, string callId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Error, Message = "Handling a {Method} failed")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);
}
