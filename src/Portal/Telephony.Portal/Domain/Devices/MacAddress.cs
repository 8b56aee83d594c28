namespace Telephony.Portal.Domain.Devices;

/// <summary>L-HW: a phone's MAC address, validated and normalised to 12 lower-case hex digits (as provisioning paths use it).</summary>
public static class MacAddress
{
    /// <summary>"00:15:65:AB:CD:EF", "00-15-65-ab-cd-ef", "0015.65ab.cdef" and "001565abcdef" → "001565abcdef".</summary>
    public static Result<string> Normalise(string? input, string field = "Mac")
    {
        var compact = new string((input ?? "").Trim().Where(c => c is not ':' and not '-' and not '.' and not ' ').ToArray()).ToLowerInvariant();
        if (compact.Length != 12 || !compact.All(char.IsAsciiHexDigit))
        {
            return Error.Validation("mac.format", "A MAC address has 12 hexadecimal digits, such as 00:15:65:AB:CD:EF.", field);
        }

        // The group bit of the first octet marks multicast addresses, never a phone's.
        if (compact is "000000000000" || (Convert.ToInt32(compact[..2], 16) & 1) == 1)
        {
            return Error.Validation("mac.not-a-device", "This is not the address of a device (all zeros, broadcast or multicast).", field);
        }

        return compact;
    }

    /// <summary>"001565abcdef" → "00:15:65:AB:CD:EF".</summary>
    public static string Display(string mac) =>
        string.Join(':', Enumerable.Range(0, 6).Select(i => mac.Substring(i * 2, 2))).ToUpperInvariant();
}
