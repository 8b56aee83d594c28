namespace Telephony.MediaServer.Services;

/// <summary>Why a collection ended.</summary>
public enum CollectionEnd
{
    /// <summary>As many digits as asked for.</summary>
    MaxDigits,

    /// <summary>The terminator key (not part of the digits).</summary>
    Terminator,

    /// <summary>No digit in time (first or next); the digits so far are the result.</summary>
    Timeout,
}

/// <summary>The digits a caller pressed and how the collection ended.</summary>
public sealed record CollectedDigits(string Digits, CollectionEnd End);

/// <summary>
/// Collects DTMF digits (RFC 4733 or SIP INFO) for a service: up to <see cref="MaxDigits"/>,
/// ended early by the terminator key, or by a timeout — <see cref="FirstDigitTimeout"/> for the
/// first key, <see cref="InterDigitTimeout"/> after each one. Pure: the caller feeds digits and
/// asks, with the current time, whether it has timed out.
/// </summary>
public sealed class DigitCollector(int maxDigits, char? terminator, TimeSpan firstDigitTimeout, TimeSpan interDigitTimeout, DateTimeOffset startedAt)
{
    public const int Limit = 32;

    private readonly System.Text.StringBuilder _digits = new();
    private DateTimeOffset _deadline = startedAt + firstDigitTimeout;

    public int MaxDigits { get; } = maxDigits;

    public TimeSpan FirstDigitTimeout { get; } = firstDigitTimeout;

    public TimeSpan InterDigitTimeout { get; } = interDigitTimeout;

    public CollectedDigits? Result { get; private set; }

    /// <summary>When the current wait ends without a key.</summary>
    public DateTimeOffset Deadline => _deadline;

    /// <summary>Takes a key; the result when this key ends the collection.</summary>
    public CollectedDigits? Add(char digit, DateTimeOffset at)
    {
        if (Result is not null)
        {
            return null;
        }

        if (digit == terminator)
        {
            return Result = new CollectedDigits(_digits.ToString(), CollectionEnd.Terminator);
        }

        _digits.Append(digit);
        _deadline = at + InterDigitTimeout;
        return _digits.Length >= MaxDigits ? Result = new CollectedDigits(_digits.ToString(), CollectionEnd.MaxDigits) : null;
    }

    /// <summary>The result when the wait has run out at <paramref name="now"/>.</summary>
    public CollectedDigits? Expire(DateTimeOffset now) =>
        Result is null && now >= _deadline ? Result = new CollectedDigits(_digits.ToString(), CollectionEnd.Timeout) : null;
}
