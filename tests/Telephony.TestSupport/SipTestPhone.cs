using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Telephony.Sip.Authentication;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;

namespace Telephony.TestSupport;

/// <summary>
/// A minimal SIP phone on a real UDP socket, for tests that need what sipp 3.6 cannot do
/// (SHA-256 digest, choosing the source address): it sends REGISTERs and answers challenges.
/// </summary>
public sealed class SipTestPhone : IDisposable
{
    private readonly UdpClient _socket;
    private readonly IPEndPoint _server;
    private int _cseq;

    public SipTestPhone(IPEndPoint server, IPAddress? localAddress = null)
    {
        _server = server;
        _socket = new UdpClient(new IPEndPoint(localAddress ?? IPAddress.Loopback, 0));
        Local = (IPEndPoint)_socket.Client.LocalEndPoint!;
    }

    public IPEndPoint Local { get; }

    public string CallId { get; } = Guid.NewGuid().ToString("N") + "@test-phone";

    /// <summary>
    /// REGISTER for <paramref name="user"/>; answers a 401 once with the challenge of
    /// <paramref name="algorithm"/>, and returns the final response. The From header names
    /// <paramref name="fromDomain"/> when given (what it claims must change nothing).
    /// </summary>
    public async Task<SipResponse> RegisterAsync(string user, string password, string domain, int? expires = 120, string algorithm = "MD5", string? contact = null, string? toUser = null, string? fromDomain = null)
    {
        var first = await SendAsync(Register(user, domain, expires, contact, toUser, authorization: null, fromDomain));
        if (first.StatusCode != 401)
        {
            return first;
        }

        var challenge = first.Headers.Values(SipHeaderNames.WwwAuthenticate)
            .Select(v => DigestChallenge.TryParse(v, out var c) ? c : null)
            .First(c => c is not null && c.Algorithm.Equals(algorithm, StringComparison.OrdinalIgnoreCase))!;
        var authorization = DigestClient.Authorize(challenge, SipMethod.Register, $"sip:{domain}", user, password);
        return await SendAsync(Register(user, domain, expires, contact, toUser, authorization, fromDomain));
    }

    /// <summary>
    /// SUBSCRIBE of <paramref name="user"/> to <paramref name="target"/>'s <paramref name="eventPackage"/>;
    /// answers a 407 once with the MD5 challenge and returns the final response.
    /// </summary>
    public async Task<SipResponse> SubscribeAsync(string user, string password, string domain, string target, string eventPackage = "message-summary")
    {
        SipRequest Subscribe(string? authorization)
        {
            var request = NewRequest(SipMethod.Subscribe, $"sip:{target}@{domain}", $"<sip:{user}@{domain}>", $"<sip:{target}@{domain}>");
            request.Headers.Add(SipHeaderNames.Contact, $"<sip:{user}@{Local.Address}:{Local.Port}>");
            request.Headers.Add(SipHeaderNames.Event, eventPackage);
            request.Headers.Add(SipHeaderNames.Expires, "600");
            if (authorization is not null)
            {
                request.Headers.Add(SipHeaderNames.ProxyAuthorization, authorization);
            }

            return request;
        }

        var first = await SendAsync(Subscribe(authorization: null));
        if (first.StatusCode != 407)
        {
            return first;
        }

        var challenge = first.Headers.Values(SipHeaderNames.ProxyAuthenticate)
            .Select(v => DigestChallenge.TryParse(v, out var c) ? c : null)
            .First(c => c is not null && c.Algorithm.Equals("MD5", StringComparison.OrdinalIgnoreCase))!;
        return await SendAsync(Subscribe(DigestClient.Authorize(challenge, SipMethod.Subscribe, $"sip:{target}@{domain}", user, password)));
    }

    public async Task<SipResponse> SendAsync(SipRequest request)
    {
        await _socket.SendAsync(request.ToBytes(), _server);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            var datagram = await _socket.ReceiveAsync(timeout.Token);
            if (SipParser.Parse(datagram.Buffer, SipFraming.Datagram).Message is SipResponse response && response.StatusCode >= 200 &&
                response.CallId == request.CallId && response.CSeq == request.CSeq)
            {
                return response;
            }
        }
    }

    public SipRequest Register(string user, string domain, int? expires, string? contact, string? toUser, string? authorization, string? fromDomain = null)
    {
        var request = NewRequest(SipMethod.Register, $"sip:{domain}", $"<sip:{user}@{fromDomain ?? domain}>", $"<sip:{toUser ?? user}@{domain}>");
        if (contact != "")
        {
            request.Headers.Add(SipHeaderNames.Contact, contact ?? $"<sip:{user}@{Local.Address}:{Local.Port}>");
        }

        if (expires is { } seconds)
        {
            request.Headers.Add(SipHeaderNames.Expires, seconds.ToString(CultureInfo.InvariantCulture));
        }

        if (authorization is not null)
        {
            request.Headers.Add(SipHeaderNames.Authorization, authorization);
        }

        return request;
    }

    /// <summary>An INVITE to <paramref name="target"/> (a media server's service) offering PCMU from an RTP port nobody reads.</summary>
    public SipRequest Invite(string target)
    {
        var request = NewRequest(SipMethod.Invite, target, $"<sip:tester@{Local.Address}>", $"<{target}>");
        request.Headers.Add(SipHeaderNames.Contact, $"<sip:tester@{Local.Address}:{Local.Port.ToString(CultureInfo.InvariantCulture)}>");
        request.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        request.Body = System.Text.Encoding.ASCII.GetBytes(
            $"v=0\r\no=- 1 1 IN IP4 {Local.Address}\r\ns=-\r\nc=IN IP4 {Local.Address}\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\na=sendrecv\r\n");
        return request;
    }

    public void Dispose() => _socket.Dispose();

    private SipRequest NewRequest(string method, string target, string from, string to)
    {
        var request = new SipRequest(method, SipUri.TryParse(target, out var uri) ? uri! : throw new ArgumentException(target));
        request.Headers.Add(SipHeaderNames.Via, $"SIP/2.0/UDP {Local.Address}:{Local.Port.ToString(CultureInfo.InvariantCulture)};rport;branch=z9hG4bK{Guid.NewGuid():N}");
        request.Headers.Add(SipHeaderNames.MaxForwards, "70");
        request.Headers.Add(SipHeaderNames.From, $"{from};tag={Guid.NewGuid():N}");
        request.Headers.Add(SipHeaderNames.To, to);
        request.Headers.Add(SipHeaderNames.CallId, CallId);
        request.Headers.Add(SipHeaderNames.CSeq, $"{++_cseq} {method}");
        return request;
    }
}
