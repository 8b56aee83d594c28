using System.Net;
using Microsoft.Extensions.Options;
using Telephony.Sip.Parsing;
using Telephony.Sip.Transactions;

namespace Telephony.MediaServer.Sip;

/// <summary>Runs the media server's SIP stack on UDP and TCP; calls end with it.</summary>
public sealed partial class MediaSipServer(
    MediaSipCore core,
    Media.MediaMetrics metrics,
    SipTimerOptions timers,
    IOptions<MediaOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : IHostedService, IAsyncDisposable
{
    private readonly ILogger _logger = loggers.CreateLogger<MediaSipServer>();
    private SipStack? _stack;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        metrics.Meter.CreateObservableGauge("telephony.mediaserver.calls.active", () => core.ActiveCalls, description: "Calls to media services in progress");
        _stack = new SipStack(time, timers, SipParserLimits.Default, loggers.CreateLogger<SipStack>());
        _stack.Attach(core);
        core.Stack = _stack;
        var endpoint = new IPEndPoint(IPAddress.Parse(settings.ListenAddress), settings.SipPort);
        _stack.ListenUdp(endpoint);
        _stack.ListenTcp(endpoint);
        LogListening(_logger, endpoint, settings.RtpPortFirst, settings.RtpPortLast);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    public async ValueTask DisposeAsync()
    {
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
            _stack = null;
        }
    }

    [LoggerMessage(EventId = 6000, Level = LogLevel.Information, Message = "Media SIP listening on udp and tcp {EndPoint}; RTP ports {First}-{Last}")]
    private static partial void LogListening(ILogger logger, IPEndPoint endPoint, int first, int last);
}
