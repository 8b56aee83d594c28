namespace Telephony.Sip.Messages;

/// <summary>One header line as received (value unfolded, trimmed) under its canonical name.</summary>
public readonly record struct SipHeader(string Name, string Value);
