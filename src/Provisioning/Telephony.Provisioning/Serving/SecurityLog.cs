namespace Telephony.Provisioning.Serving;

/// <summary>
/// The security log (logger category <c>Telephony.Provisioning.Security</c>): one line per
/// refused request, each starting with a fixed text and the client address so that fail2ban
/// can match it, e.g. <c>failregex = Provisioning probe from &lt;HOST&gt;</c>. The requested
/// path is not logged in full (it may hold a token); nothing else about the device is told.
/// </summary>
internal static partial class SecurityLog
{
    public const string Category = "Telephony.Provisioning.Security";

    [LoggerMessage(EventId = 5100, Level = LogLevel.Warning, Message = "Provisioning probe from {RemoteAddress}: no device for {FileName}")]
    public static partial void UnknownDevice(ILogger logger, string remoteAddress, string fileName);

    [LoggerMessage(EventId = 5101, Level = LogLevel.Warning, Message = "Provisioning probe from {RemoteAddress}: wrong credentials for a device")]
    public static partial void WrongCredentials(ILogger logger, string remoteAddress);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Provisioning probe from {RemoteAddress}: User-Agent of another vendor ({UserAgent})")]
    public static partial void ForeignUserAgent(ILogger logger, string remoteAddress, string userAgent);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Warning, Message = "Provisioning client {RemoteAddress} throttled for {Minutes} minute(s) after repeated failures")]
    public static partial void Throttled(ILogger logger, string remoteAddress, double minutes);

    [LoggerMessage(EventId = 5104, Level = LogLevel.Warning, Message = "Provisioning request from {RemoteAddress} refused: plain HTTP while lab mode is off")]
    public static partial void PlainHttpRefused(ILogger logger, string remoteAddress);

    [LoggerMessage(EventId = 5105, Level = LogLevel.Warning, Message = "Provisioning probe from {RemoteAddress}: client certificate not valid for the device")]
    public static partial void WrongCertificate(ILogger logger, string remoteAddress);
}
