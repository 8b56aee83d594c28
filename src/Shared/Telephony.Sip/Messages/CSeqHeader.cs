using System.Globalization;

namespace Telephony.Sip.Messages;

/// <summary>CSeq: a sequence number below 2^31 and the method (RFC 3261 §8.1.1.5, §20.16).</summary>
public readonly record struct CSeqHeader(long Number, string Method)
{
    public static bool TryParse(string? value, out CSeqHeader cseq)
    {
        cseq = default;
        if (value is null)
        {
            return false;
        }

        var text = value.AsSpan().Trim();
        var space = text.IndexOfAny(' ', '\t');
        if (space <= 0)
        {
            return false;
        }

        var number = text[..space];
        var method = text[space..].Trim();
        if (number.Length > 10 || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n >= 1L << 31 || !SipSyntax.IsToken(method))
        {
            return false;
        }

        cseq = new CSeqHeader(n, method.ToString());
        return true;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Number} {Method}");
}
