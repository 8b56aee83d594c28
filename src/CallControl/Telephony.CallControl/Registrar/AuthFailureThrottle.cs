using System.Collections.Concurrent;
using System.Net;
using Microsoft.Extensions.Options;
using Telephony.CallControl.Sip;

namespace Telephony.CallControl.Registrar;

/// <summary>
/// Counts failed authentications per source address; an address that fails too often in a
/// window is refused for a while. The line's user is not locked out: only that address is, so
/// the real phone elsewhere keeps working.
/// </summary>
public sealed class AuthFailureThrottle(IOptions<SipOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<IPAddress, Window> _windows = new();

    public bool IsBlocked(IPAddress address) =>
        _windows.TryGetValue(address, out var window) && window.BlockedUntil > time.GetUtcNow();

    /// <summary>Records a failure; returns true when this failure makes the address blocked.</summary>
    public bool RecordFailure(IPAddress address)
    {
        var now = time.GetUtcNow();
        var settings = options.Value;
        var blockedNow = false;
        _windows.AddOrUpdate(
            address,
            _ => new Window(now, 1, DateTimeOffset.MinValue),
            (_, window) =>
            {
                var fresh = now - window.Start > settings.AuthFailureWindow ? new Window(now, 0, window.BlockedUntil) : window;
                var count = fresh.Count + 1;
                if (count >= settings.AuthFailureLimit && fresh.BlockedUntil <= now)
                {
                    blockedNow = true;
                    return new Window(fresh.Start, count, now + settings.AuthBlockDuration);
                }

                return fresh with { Count = count };
            });
        if (_windows.Count > 100_000)
        {
            foreach (var (key, window) in _windows)
            {
                if (window.BlockedUntil < now && now - window.Start > settings.AuthFailureWindow)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }

        return blockedNow;
    }

    private sealed record Window(DateTimeOffset Start, int Count, DateTimeOffset BlockedUntil);
}
