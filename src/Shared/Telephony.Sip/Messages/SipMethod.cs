namespace Telephony.Sip.Messages;

/// <summary>SIP method names (RFC 3261 §7.1 and the extensions we handle). Methods are case-sensitive.</summary>
public static class SipMethod
{
    public const string Invite = "INVITE";
    public const string Ack = "ACK";
    public const string Bye = "BYE";
    public const string Cancel = "CANCEL";
    public const string Options = "OPTIONS";
    public const string Register = "REGISTER";
    public const string Prack = "PRACK";
    public const string Subscribe = "SUBSCRIBE";
    public const string Notify = "NOTIFY";
    public const string Publish = "PUBLISH";
    public const string Info = "INFO";
    public const string Refer = "REFER";
    public const string Message = "MESSAGE";
    public const string Update = "UPDATE";

    private static readonly HashSet<string> Known =
        [Invite, Ack, Bye, Cancel, Options, Register, Prack, Subscribe, Notify, Publish, Info, Refer, Message, Update];

    /// <summary>Methods this stack knows; others are answered 501 Not Implemented (RFC 3261 §8.2.1).</summary>
    public static bool IsKnown(string method) => Known.Contains(method);
}
