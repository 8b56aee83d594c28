using Telephony.Sip.Messages;

namespace Telephony.Sip.Parsing;

public enum SipParseStatus
{
    /// <summary>More bytes are needed (streams only); nothing was consumed.</summary>
    Incomplete,

    /// <summary>CRLF keep-alives (RFC 5626 §3.5.1) were consumed; no message.</summary>
    KeepAlive,

    Complete,

    /// <summary>The bytes are not an acceptable message; see <see cref="SipParseResult.Rejection"/>.</summary>
    Invalid,
}

/// <summary>How messages are delimited: one per datagram (UDP), or by Content-Length in a byte stream (TCP, TLS).</summary>
public enum SipFraming
{
    Datagram,
    Stream,
}

/// <summary>
/// Why a message was refused and how to answer it: the status code (400, 413, 416, 505,
/// 513), a reason phrase naming the fault, and the request as far as it was understood, when
/// enough of it (Via and Call-ID) was understood to route a response at all.
/// </summary>
public sealed record SipRejection(int StatusCode, string Reason, SipRequest? Request = null)
{
    public bool CanRespond => Request is not null;
}

public readonly record struct SipParseResult(SipParseStatus Status, int Consumed, SipMessage? Message, SipRejection? Rejection)
{
    public static SipParseResult Incomplete => new(SipParseStatus.Incomplete, 0, null, null);

    public static SipParseResult KeepAlive(int consumed) => new(SipParseStatus.KeepAlive, consumed, null, null);

    public static SipParseResult Complete(SipMessage message, int consumed) => new(SipParseStatus.Complete, consumed, message, null);

    public static SipParseResult Invalid(SipRejection rejection, int consumed) => new(SipParseStatus.Invalid, consumed, null, rejection);
}
