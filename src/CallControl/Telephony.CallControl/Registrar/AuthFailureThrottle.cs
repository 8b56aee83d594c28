using System.Net;
using Microsoft.Extensions.Options;
using Telephony.CallControl.Sip;
using Telephony.ServiceDefaults.Security;

namespace Telephony.CallControl.Registrar;

/// <summary>
/// Failed SIP authentications per source address (C-REG): an address that fails too often in
/// a window is refused for a while, the line's user is not locked out.
/// </summary>
public sealed class AuthFailureThrottle(IOptions<SipOptions> options, TimeProvider time)
{
    private readonly AddressThrottle _throttle = new(
        () => new ThrottleSettings(options.Value.AuthFailureLimit, options.Value.AuthFailureWindow, options.Value.AuthBlockDuration),
        time);

    public bool IsBlocked(IPAddress address) => _throttle.IsBlocked(address);

    /// <summary>Records a failure; returns true when this failure makes the address blocked.</summary>
    public bool RecordFailure(IPAddress address) => _throttle.RecordFailure(address);
}
