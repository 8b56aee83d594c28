using Microsoft.Extensions.Options;
using Telephony.CallControl.Calls;
using Telephony.CallControl.Routing;
using Telephony.CallControl.Sip;
using Telephony.Contracts.Routing;

namespace Telephony.CallControl.Tests.Calls;

public sealed class MediaServicesTests
{
    private static readonly Guid TenantId = Guid.Parse("6f1c2a53-0000-4000-8000-000000000001");
    private static readonly Guid BoxId = Guid.Parse("6f1c2a53-0000-4000-8000-0000000000b0");

    [Fact]
    public void VoicemailUri_NamesTheServiceTenantBoxNumberAndLanguage()
    {
        var media = new MediaServices(Options.Create(new SipOptions { MediaServers = "10.0.0.5:5070" }));
        var voicemail = Voicemail(VoicemailAction.Deposit, language: "fr");

        var server = media.For(TenantId);
        var uri = media.VoicemailUri(voicemail, server);

        Assert.Equal("10.0.0.5:5070", server.Address.ToString());
        Assert.Equal($"sip:voicemail@10.0.0.5:5070;tenant={TenantId:D};box={BoxId:D};number=0199000001;lang=fr", uri.ToString());
    }

    [Fact]
    public void VoicemailUri_ForListening_SaysRetrieve_AndACompanyInAnotherLanguageHearsEnglish()
    {
        var media = new MediaServices(Options.Create(new SipOptions { MediaServers = "10.0.0.5:5070" }));

        var uri = media.VoicemailUri(Voicemail(VoicemailAction.Retrieve, language: "de"), media.For(TenantId)).ToString();

        Assert.EndsWith(";lang=en;action=retrieve", uri, StringComparison.Ordinal);
    }

    [Fact]
    public void For_SeveralServers_EachTenantAlwaysGetsTheSameOne_AndTenantsSpreadOverThem()
    {
        var media = new MediaServices(Options.Create(new SipOptions { MediaServers = "10.0.0.5:5070, 10.0.0.6:5070,[::1]:5080" }));
        var tenants = Enumerable.Range(0, 60).Select(_ => Guid.NewGuid()).ToList();

        Assert.All(tenants, t => Assert.Equal(media.For(t), media.For(t)));
        Assert.Equal(3, tenants.Select(t => media.For(t).Address.ToString()).Distinct().Count());
    }

    [Fact]
    public void Construction_WithAServerThatIsNotAnAddress_IsRefusedClearly()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => new MediaServices(Options.Create(new SipOptions { MediaServers = "media.example:5070" })));

        Assert.Contains("media.example:5070", refused.Message, StringComparison.Ordinal);
    }

    private static RouteToVoicemail Voicemail(VoicemailAction action, string language)
    {
        var line = new RoutingLine { LineId = BoxId, Kind = "Fixed", PublicNumber = "+33199000001", ShortNumber = "202", DisplayName = "Bruno" };
        var tenant = TenantRouting.From(new TenantRoutingChanged
        {
            TenantId = TenantId,
            MessageId = Guid.NewGuid(),
            Version = 1,
            CompanyName = "Alpha",
            Suspended = false,
            SipDomain = "alpha.sip.test",
            TimeZone = "Europe/Paris",
            Language = language,
            Lines = [line],
            OccurredAt = new DateTime(2026, 12, 5, 0, 0, 0, DateTimeKind.Utc),
        });
        return new RouteToVoicemail(tenant, line, line, action);
    }
}
