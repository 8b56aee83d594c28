using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Telephony.MediaServer.Media;
using Telephony.MediaServer.Services;
using Telephony.Sip.Dialogs;
using Telephony.Sip.Messages;
using Telephony.Sip.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.MediaServer.Sip;

/// <summary>
/// The media server's SIP user agent: an INVITE to a media service (RFC 4240) is answered 200
/// with our SDP answer and an RTP session paced by the media clock; a re-INVITE changes the
/// direction (hold); a BYE from either side ends the call; a service that finishes (an
/// announcement played once) hangs up itself. Refusals say why: 404 unknown service or audio,
/// 400 bad arguments, 488 no common codec, 503 no RTP port left.
/// </summary>
public sealed partial class MediaSipCore(
    IAudioLibrary audio,
    RtpPorts ports,
    RtpReceiver receiver,
    MediaClock clock,
    MediaMetrics metrics,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILogger<MediaSipCore> logger) : ISipCore
{
    private const string Allow = "INVITE, ACK, BYE, CANCEL, OPTIONS";
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

            if (await audio.LoadAsync(service.Play, CancellationToken.None) is not { } samples)
            {
                transaction.SendResponse(SipResponse.For(request, 404, "Not Found: no such audio"));
                return;
            }

            if (ports.Bind(options.Value.RtpBindAddress) is not { } sockets)
            {
                transaction.SendResponse(SipResponse.For(request, 503, "Service Unavailable: no RTP port left"));
                return;
            }

            var session = new RtpSession(sockets.Rtp, sockets.Rtcp, receiver, metrics, time);
            session.Apply(negotiation!);
            var call = new MediaCall(dialog, session, RandomNumberGenerator.GetInt32(int.MaxValue));
            if (!_calls.TryAdd(dialog.CallId, call))
            {
                await session.DisposeAsync();
                transaction.SendResponse(SipResponse.For(request, 482, "Loop Detected"));
                return;
            }

            session.PlaybackFinished += () => Hangup(call);
            transaction.SendResponse(Answer(request, call, offer!, transaction.Remote));
            session.Play(new SampleSource(samples, service.Repetitions, service.Delay));
            clock.Add(session);
            LogAnswered(logger, dialog.CallId, service.Play, negotiation!.Codec);
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

    /// <summary>The service finished (an announcement played once): we hang up.</summary>
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
        clock.Remove(call.Session);
        await call.Session.DisposeAsync();
        LogEnded(logger, call.Dialog.CallId);
    }

    private static bool TryNegotiate(SipRequest request, out SessionDescription? offer, out AudioNegotiation? negotiation, out SipResponse? refusal)
    {
        offer = null;
        negotiation = null;
        refusal = null;
        if (request.Body.Length == 0 || !string.Equals(request.ContentType?.Split(';')[0].Trim(), "application/sdp", StringComparison.OrdinalIgnoreCase))
        {
            // An offer in the ACK (RFC 3264 §5) is not supported: CallControl always offers first.
            refusal = SipResponse.For(request, 488, "Not Acceptable Here: an SDP offer is required");
            return false;
        }

        if (!Sdp.TryParse(Encoding.UTF8.GetString(request.Body.Span), out offer, out var error))
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

    [LoggerMessage(EventId = 6100, Level = LogLevel.Information, Message = "Call {CallId}: playing {Play} ({Codec})")]
    private static partial void LogAnswered(ILogger logger, string callId, string play, AudioCodec codec);

    [LoggerMessage(EventId = 6101, Level = LogLevel.Information, Message = "Call {CallId} ended")]
    private static partial void LogEnded(ILogger logger, string callId);

    [LoggerMessage(EventId = 6102, Level = LogLevel.Error, Message = "Handling a {Method} failed")]
    private static partial void LogFailed(ILogger logger, string method, Exception exception);
}
