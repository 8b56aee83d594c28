namespace Telephony.Provisioning.Rendering;

/// <summary>
/// The values every family's templates see, in Liquid's snake_case. Absent values are
/// <c>false</c>, not nil, because templates run with strict variables (a typo throws) and
/// <c>{% if firmware_url %}</c> must still read naturally.
/// </summary>
internal static class PhoneTemplateModel
{
    public static Dictionary<string, object> Create(PhoneConfiguration configuration, PhoneDirectory directory)
    {
        var account = configuration.Account;
        var zone = PhoneTimeZone.For(configuration.TimeZone);
        return new Dictionary<string, object>
        {
            ["mac"] = configuration.Mac,
            ["mac_upper"] = configuration.Mac.ToUpperInvariant(),
            ["vendor"] = configuration.Model.Vendor,
            ["model"] = configuration.Model.Model,
            ["kind"] = PhoneTemplates.KindSlug(configuration.Model.Kind),
            ["account"] = account is null ? false : Account(account),
            ["keys"] = account is null ? new List<object>() : configuration.Keys.Select(key => (object)Key(key, account)).ToList(),
            ["language"] = configuration.Language,
            ["language_name"] = configuration.Language switch
            {
                "fr" => "French",
                "de" => "German",
                _ => "English",
            },
            ["time_zone"] = Zone(zone),
            ["ntp_server"] = configuration.NtpServer,
            ["distinctive_ring"] = configuration.DistinctiveRing,
            ["internal_alert"] = DistinctiveRing.InternalAlertInfo.Trim('<', '>'),
            ["external_alert"] = DistinctiveRing.ExternalAlertInfo.Trim('<', '>'),
            ["provisioning_url"] = configuration.ProvisioningUrl.AbsoluteUri,
            ["directory_url"] = configuration.DirectoryUrl?.AbsoluteUri ?? (object)false,
            ["firmware_url"] = configuration.FirmwareUrl?.AbsoluteUri ?? (object)false,
            ["directory_title"] = DirectoryTitle(configuration.Language),
            ["entries"] = directory.Entries.Select(entry => (object)new Dictionary<string, object>
            {
                ["name"] = entry.Name,
                ["number"] = entry.Number,
                ["internal"] = entry.Internal,
            }).ToList(),
        };
    }

    /// <summary>"sip:202@demo.sip.example.com", the URI a supervision key subscribes to.</summary>
    public static string SipUri(string user, PhoneAccount account) => $"sip:{user}@{account.Domain}";

    private static Dictionary<string, object> Account(PhoneAccount account) => new()
    {
        ["display_name"] = account.DisplayName,
        ["label"] = account.Label,
        ["user_name"] = account.UserName,
        ["password"] = account.Password,
        ["domain"] = account.Domain,
        ["registrar_host"] = account.RegistrarHost,
        ["registrar_port"] = account.RegistrarPort,
        ["transport"] = account.Transport.ToLowerInvariant(),
        ["expires"] = account.RegistrationExpires,
        ["voicemail"] = account.VoicemailNumber,
        ["public_number"] = account.PublicNumber,
    };

    private static Dictionary<string, object> Key(PhoneKey key, PhoneAccount account) => new()
    {
        ["position"] = key.Position,
        ["kind"] = key.Kind switch
        {
            PhoneKeyKind.Supervision => "blf",
            PhoneKeyKind.Pickup => "pickup",
            _ => "speed",
        },
        ["label"] = key.Label,
        ["target"] = key.Target,
        ["uri"] = SipUri(key.Target, account),
    };

    private static Dictionary<string, object> Zone(PhoneTimeZone zone) => new()
    {
        ["iana"] = zone.Iana,
        ["offset_seconds"] = zone.StandardOffsetMinutes * 60,
        ["summer_time"] = zone.EuropeanSummerTime,
        ["summer_start_hour"] = zone.SummerTimeStartHour,
        ["summer_end_hour"] = zone.SummerTimeEndHour,
        ["yealink_offset"] = zone.YealinkOffset,
        ["yealink_name"] = zone.YealinkName ?? (object)false,
        ["snom"] = zone.SnomCode ?? (object)false,
        ["cisco_zone"] = zone.CiscoZone,
        ["cisco_summer_rule"] = zone.CiscoSummerTimeRule,
        ["posix"] = zone.Posix,
    };

    private static string DirectoryTitle(string language) => language switch
    {
        "fr" => "Annuaire",
        "de" => "Telefonbuch",
        _ => "Directory",
    };
}
