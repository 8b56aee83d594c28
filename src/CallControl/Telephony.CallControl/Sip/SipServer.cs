using System.Diagnostics.Metrics;
using System.Net;
using Microsoft.Extensions.Options;
using Telephony.CallControl.Calls;
using Telephony.CallControl.Registrar;
using Telephony.CallControl.Voicemail;
using Telephony.Sip.Parsing;
using Telephony.Sip.Transactions;

namespace Telephony.CallControl.Sip;

/// <summary>
/// Runs CallControl's SIP stack: restores registrations, then listens on UDP and TCP, and
/// sweeps expired registrations every minute.
/// </summary>
public sealed partial class SipServer(
    CallControlCore core,
    B2buaService b2bua,
    LocationService location,
    MessageWaiting messageWaiting,
    MessageSummaryService summaries,
    SipTimerOptions timers,
    IMeterFactory meters,
    IOptions<SipOptions> options,
    TimeProvider time,
    ILoggerFactory loggers) : BackgroundService
{
    private readonly ILogger _logger = loggers.CreateLogger<SipServer>();
    private SipStack? _stack;

    public SipStack Stack => _stack ?? throw new InvalidOperationException("The SIP server has not started.");

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await location.LoadAsync(cancellationToken);
        await messageWaiting.LoadAsync(cancellationToken);
        var meter = meters.Create(CallControlMetrics.MeterName);
        meter.CreateObservableGauge("telephony.callcontrol.registrations", () => location.ActiveCount, description: "Contacts currently registered");
        meter.CreateObservableGauge("telephony.callcontrol.calls.active", () => b2bua.ActiveCalls, description: "Calls in progress");
        var settings = options.Value;
        var address = IPAddress.Parse(settings.ListenAddress);
        _stack = new SipStack(time, timers, SipParserLimits.Default, loggers.CreateLogger<SipStack>());
        _stack.Attach(core);
        b2bua.Stack = _stack;
        summaries.Stack = _stack;
        var endpoint = new IPEndPoint(address, settings.Port);
        _stack.ListenUdp(endpoint);
        _stack.ListenTcp(endpoint);
        var restored = location.ActiveCount;
        LogListening(_logger, endpoint, restored);
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (_stack is not null)
        {
            await _stack.DisposeAsync();
        }

        await location.FlushAsync(CancellationToken.None);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var persisting = PersistAsync(stoppingToken);
        try
        {
            await SweepAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        // A batch being written when the stop came finishes before StopAsync's final flush.
        await persisting;
    }

    private async Task PersistAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await location.PersistChangesAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPersistFailed(_logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private async Task SweepAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), time);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await location.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSweepFailed(_logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 3200, Level = LogLevel.Information, Message = "SIP listening on udp and tcp {EndPoint}; {Registrations} registration(s) restored")]
    private static partial void LogListening(ILogger logger, IPEndPoint endPoint, int registrations);

    [LoggerMessage(EventId = 3202, Level = LogLevel.Warning, Message = "Persisting registrations failed; retrying")]
    private static partial void LogPersistFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 3201, Level = LogLevel.Warning, Message = "Sweeping expired registrations failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
