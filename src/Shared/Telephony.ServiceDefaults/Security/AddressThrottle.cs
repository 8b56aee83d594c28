using System.Collections.Concurrent;
using System.Net;

namespace Telephony.ServiceDefaults.Security;

/// <summary>How many failures an address may make in a window, and how long it is refused after.</summary>
public sealed record ThrottleSettings(int Limit, TimeSpan Window, TimeSpan Block);

/// <summary>
/// Counts failures (wrong credentials, unknown devices) per source address; an address that
/// fails too often in a window is refused for a while. Only that address is: the account or
/// device it was guessing keeps working from elsewhere. Memory stays bounded: past 100,000
/// addresses, the idle ones are forgotten.
/// </summary>
public sealed class AddressThrottle(Func<ThrottleSettings> settings, TimeProvider time)
{
    private const int SweepAbove = 100_000;

    private readonly ConcurrentDictionary<IPAddress, Window> _windows = new();

    public bool IsBlocked(IPAddress address) =>
        _windows.TryGetValue(address, out var window) && window.BlockedUntil > time.GetUtcNow();

    /// <summary>Records a failure; returns true when this failure makes the address blocked.</summary>
    public bool RecordFailure(IPAddress address)
    {
        var now = time.GetUtcNow();
        var current = settings();
        var blockedNow = false;
        _windows.AddOrUpdate(
            address,
            _ => Count(new Window(now, 0, DateTimeOffset.MinValue), current, now, out blockedNow),
            (_, window) => Count(now - window.Start > current.Window ? new Window(now, 0, window.BlockedUntil) : window, current, now, out blockedNow));
        if (_windows.Count > SweepAbove)
        {
            foreach (var (key, window) in _windows)
            {
                if (window.BlockedUntil < now && now - window.Start > current.Window)
                {
                    _windows.TryRemove(key, out _);
                }
            }
        }

        return blockedNow;
    }

    private static Window Count(Window window, ThrottleSettings settings, DateTimeOffset now, out bool blockedNow)
    {
        var count = window.Count + 1;
        blockedNow = count >= settings.Limit && window.BlockedUntil <= now;
        return blockedNow ? new Window(window.Start, count, now + settings.Block) : window with { Count = count };
    }

    private sealed record Window(DateTimeOffset Start, int Count, DateTimeOffset BlockedUntil);
}
