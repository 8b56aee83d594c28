using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Sip.Messages;
using Telephony.Sip.Parsing;
using Telephony.Sip.Transactions;
using Telephony.Sip.Transport;

namespace Telephony.Sip.Tests.Transport;

/// <summary>The stack on real loopback sockets: UDP and TCP, IPv4 and IPv6, received/rport, rejections.</summary>
public sealed class SipStackSocketTests : IAsyncLifetime, ISipCore
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);
    private readonly SipStack _stack = new(TimeProvider.System, SipTimerOptions.Default, SipParserLimits.Default, NullLogger.Instance);
    private UdpSipTransport _udp = null!;
    private TcpSipTransport _tcp = null!;

    public Task InitializeAsync()
    {
        _stack.Attach(this);
        _udp = _stack.ListenUdp(new IPEndPoint(IPAddress.Loopback, 0));
        _tcp = _stack.ListenTcp(new IPEndPoint(IPAddress.Loopback, 0));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _stack.DisposeAsync();

    [Fact]
    public async Task Udp_RequestWithRport_IsAnsweredToTheSourcePortWithReceivedAndRport()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)client.Client.LocalEndPoint!).Port;

        await client.SendAsync(Options("SIP/2.0/UDP 10.1.2.3:5999;rport;branch=z9hG4bKudp1"), _udp.LocalEndPoint);
        var response = await ReceiveAsync(client);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(("127.0.0.1", port), (response.TopVia!.Received, response.TopVia.Rport));
    }

    [Fact]
    public async Task Udp_RetransmittedRequest_GetsTheSameResponseFromTheTransaction()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var request = Options("SIP/2.0/UDP 127.0.0.1;rport;branch=z9hG4bKretx");

        await client.SendAsync(request, _udp.LocalEndPoint);
        var first = await ReceiveAsync(client);
        await client.SendAsync(request, _udp.LocalEndPoint);
        var second = await ReceiveAsync(client);

        Assert.Equal(first.ToString(), second.ToString());
        Assert.Equal(1, _requestsSeen);
    }

    [Fact]
    public async Task Udp_UnknownMethod_Gets501()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await client.SendAsync(Options("SIP/2.0/UDP 127.0.0.1;rport;branch=z9hG4bKnew", method: "FROBNICATE"), _udp.LocalEndPoint);

        Assert.Equal(501, (await ReceiveAsync(client)).StatusCode);
    }

    [Fact]
    public async Task Udp_MalformedButRoutable_Gets400NamingTheFault()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        var bytes = Encoding.ASCII.GetBytes(Encoding.ASCII.GetString(Options("SIP/2.0/UDP 127.0.0.1;rport;branch=z9hG4bKbad")).Replace("CSeq: 1 OPTIONS", "CSeq: 1 INVITE", StringComparison.Ordinal));

        await client.SendAsync(bytes, _udp.LocalEndPoint);
        var response = await ReceiveAsync(client);

        Assert.Equal(400, response.StatusCode);
        Assert.Contains("CSeq", response.ReasonPhrase, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Udp_GarbageAndOversize_AreDroppedAndTheLoopKeepsServing()
    {
        using var client = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

        await client.SendAsync(new byte[] { 0xff, 0x00, 0x13, 0x37 }, _udp.LocalEndPoint);
        await client.SendAsync(new byte[60_000], _udp.LocalEndPoint);
        await client.SendAsync(Options("SIP/2.0/UDP 127.0.0.1;rport;branch=z9hG4bKafter"), _udp.LocalEndPoint);

        Assert.Equal(200, (await ReceiveAsync(client)).StatusCode);
    }

    [Fact]
    public async Task Tcp_PipelinedRequestsAndPing_AreAnsweredOnTheSameConnection()
    {
        using var client = new TcpClient();
        await client.ConnectAsync(_tcp.LocalEndPoint);
        var stream = client.GetStream();
        var payload = Options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKtcp1")
            .Concat(Options("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKtcp2"))
            .Concat("\r\n\r\n"u8.ToArray())
            .ToArray();

        await stream.WriteAsync(payload);
        var received = await ReadUntilAsync(stream, text => text.Split("SIP/2.0 200").Length == 3 && text.EndsWith("\r\n\r\n\r\n", StringComparison.Ordinal));

        Assert.Contains("branch=z9hG4bKtcp1", received, StringComparison.Ordinal);
        Assert.Contains("branch=z9hG4bKtcp2", received, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Udp_OverIpv6Loopback_Works()
    {
        await using var stack = new SipStack(TimeProvider.System, SipTimerOptions.Default, SipParserLimits.Default, NullLogger.Instance);
        stack.Attach(this);
        var udp6 = stack.ListenUdp(new IPEndPoint(IPAddress.IPv6Loopback, 0));
        using var client = new UdpClient(new IPEndPoint(IPAddress.IPv6Loopback, 0));

        await client.SendAsync(Options("SIP/2.0/UDP [::1];rport;branch=z9hG4bKv6"), udp6.LocalEndPoint);

        Assert.Equal(200, (await ReceiveAsync(client)).StatusCode);
    }

    [Fact]
    public async Task SendRequest_ThroughAClientTransaction_DeliversTheFinalResponseToItsUser()
    {
        await using var client = new SipStack(TimeProvider.System, SipTimerOptions.Default, SipParserLimits.Default, NullLogger.Instance);
        client.Attach(this);
        var local = client.ListenUdp(new IPEndPoint(IPAddress.Loopback, 0));
        var request = (SipRequest)SipParser.Parse(Options($"SIP/2.0/UDP 127.0.0.1:{local.LocalEndPoint.Port};branch=z9hG4bKclient1"), SipFraming.Datagram).Message!;
        var user = new CollectingUser();

        client.SendRequest(request, new SipEndPoint(SipTransportKind.Udp, _udp.LocalEndPoint), user);

        var response = await user.Final.Task.WaitAsync(Wait);
        Assert.Equal(200, response.StatusCode);
        Assert.Equal("z9hG4bKclient1", response.TopVia!.Branch);
    }

    private sealed class CollectingUser : IClientTransactionUser
    {
        public TaskCompletionSource<SipResponse> Final { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public void OnResponse(ClientTransaction transaction, SipResponse response)
        {
            if (!response.IsProvisional)
            {
                Final.TrySetResult(response);
            }
        }

        public void OnTimeout(ClientTransaction transaction) => Final.TrySetException(new TimeoutException());

        public void OnTransportError(ClientTransaction transaction) => Final.TrySetException(new IOException("transport error"));
    }

    private int _requestsSeen;

    void ISipCore.OnRequest(ServerTransaction transaction)
    {
        Interlocked.Increment(ref _requestsSeen);
        transaction.SendResponse(SipResponse.For(transaction.Request, SipMethod.IsKnown(transaction.Request.Method) ? 200 : 501));
    }

    void ISipCore.OnAck(SipRequest ack, SipEndPoint source)
    {
    }

    void ISipCore.OnStrayResponse(SipResponse response, SipEndPoint source)
    {
    }

    void IServerTransactionUser.OnTimeout(ServerTransaction transaction)
    {
    }

    void IServerTransactionUser.OnTransportError(ServerTransaction transaction)
    {
    }

    private static byte[] Options(string via, string method = "OPTIONS") => SipText.Bytes($"""
        {method} sip:registrar.test SIP/2.0
        Via: {via}
        Max-Forwards: 70
        To: <sip:registrar.test>
        From: <sip:probe@registrar.test>;tag=p1
        Call-ID: {Guid.NewGuid():N}@probe
        CSeq: 1 {method}
        Content-Length: 0


        """);

    private static async Task<SipResponse> ReceiveAsync(UdpClient client)
    {
        using var timeout = new CancellationTokenSource(Wait);
        var datagram = await client.ReceiveAsync(timeout.Token);
        return Assert.IsType<SipResponse>(SipParser.Parse(datagram.Buffer, SipFraming.Datagram).Message);
    }

    private static async Task<string> ReadUntilAsync(NetworkStream stream, Func<string, bool> done)
    {
        using var timeout = new CancellationTokenSource(Wait);
        var text = new StringBuilder();
        var buffer = new byte[4096];
        while (!done(text.ToString()))
        {
            var read = await stream.ReadAsync(buffer, timeout.Token);
            if (read == 0)
            {
                break;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, read));
        }

        return text.ToString();
    }
}
