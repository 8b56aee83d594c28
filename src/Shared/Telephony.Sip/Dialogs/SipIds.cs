using System.Security.Cryptography;
using Telephony.Sip.Messages;

namespace Telephony.Sip.Dialogs;

/// <summary>Fresh identifiers for what we originate (RFC 3261 §8.1.1.4, §8.1.1.7, §19.3).</summary>
public static class SipIds
{
    public static string Branch() => ViaHeader.BranchCookie + Random(12);

    public static string Tag() => Random(8);

    public static string CallId(string host) => Random(16) + "@" + host;

    private static string Random(int bytes) => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(bytes));
}
