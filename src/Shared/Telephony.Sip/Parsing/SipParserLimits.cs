namespace Telephony.Sip.Parsing;

/// <summary>Bounds on what the parser accepts, so a peer cannot make it hold or scan unbounded input.</summary>
public sealed record SipParserLimits
{
    public static SipParserLimits Default { get; } = new();

    /// <summary>Start line plus headers, up to and including the blank line.</summary>
    public int MaxHeaderBytes { get; init; } = 32 * 1024;

    public int MaxHeaderCount { get; init; } = 256;

    public int MaxBodyBytes { get; init; } = 64 * 1024;
}
