using Telephony.Provisioning.Rendering;

namespace Telephony.Provisioning.Tests.Rendering;

/// <summary>User-Agent headers of each vendor's firmware when it fetches its files: each family knows its own and none of the others'.</summary>
public sealed class UserAgentTests
{
    private static readonly (PhoneFamily Family, string UserAgent)[] Known =
    [
        (PhoneFamily.Yealink, "Yealink SIP-T46U 108.86.0.20 00:15:65:a1:b2:c3"),
        (PhoneFamily.Yealink, "Yealink SIP-T31P 124.86.0.75 00:15:65:a1:b2:c4"),
        (PhoneFamily.Yealink, "Yealink SIP-T57W 97.86.0.15 24:9a:d8:a1:b2:c5"),
        (PhoneFamily.Yealink, "Yealink W60B 77.85.0.25 80:5e:c0:a1:b2:c6"),
        (PhoneFamily.Yealink, "Yealink SIP CP965 143.86.0.5 24:9a:d8:a1:b2:c7"),
        (PhoneFamily.Polycom, "FileTransport PolycomVVX-VVX_450-UA/6.4.3.5018"),
        (PhoneFamily.Polycom, "PolycomVVX-VVX_250-UA/6.4.6.2339"),
        (PhoneFamily.Polycom, "FileTransport PolyEdge-Edge_E450-UA/8.0.3.2107"),
        (PhoneFamily.Polycom, "FileTransport PolycomRealPresenceTrio-Trio_8800-UA/7.2.4.0266"),
        (PhoneFamily.Polycom, "FileTransport PolycomSoundStationIP-SSIP_5000-UA/4.0.15.1009"),
        (PhoneFamily.Cisco, "Cisco-CP8851-3PCC/11.3.7 (00562b043615)"),
        (PhoneFamily.Cisco, "Cisco/SPA504G-7.6.2c (e05fb9a1b2c3)(CCQ19140123)"),
        (PhoneFamily.Snom, "Mozilla/4.0 (compatible; snom D735 10.1.73.16)"),
        (PhoneFamily.Snom, "Mozilla/4.0 (compatible; snomD385-SIP 10.1.54.13 010.1.54.13)"),
        (PhoneFamily.Snom, "Mozilla/4.0 (compatible; snom M900 05.20.0001)"),
        (PhoneFamily.Grandstream, "Grandstream Model HW GXP2170 SW 1.0.11.3 DevId 000b82a1b2c3"),
        (PhoneFamily.Grandstream, "Grandstream Model HW GRP2614 SW 1.0.5.15 DevId c074ad0b63ee"),
        (PhoneFamily.Grandstream, "Grandstream Model HW HT802 V2.0A SW 1.0.43.11 DevId c074ad273a10"),
        (PhoneFamily.Grandstream, "Grandstream Model HW DP752 SW 1.0.13.8 DevId c074ad4b5c6d"),
        (PhoneFamily.AudioCodes, "Mozilla/4.0 (compatible; AudioCodes; MP-202B;4.4.9;00908f4a1b2c;)"),
        (PhoneFamily.AudioCodes, "AudioCodes-Sip-Gateway-MP-202B/v.4.4.9"),
    ];

    public static TheoryData<PhoneFamily, string, PhoneFamily> Pairs()
    {
        var data = new TheoryData<PhoneFamily, string, PhoneFamily>();
        foreach (var (family, userAgent) in Known)
        {
            foreach (var renderer in Enum.GetValues<PhoneFamily>())
            {
                data.Add(family, userAgent, renderer);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Pairs))]
    public void MatchesUserAgent_FirmwareUserAgent_MatchesOnlyItsFamily(PhoneFamily family, string userAgent, PhoneFamily renderer)
    {
        var matches = PhoneSamples.Renderers.For(renderer).MatchesUserAgent(userAgent);

        Assert.Equal(renderer == family, matches);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36")]
    [InlineData("curl/8.5.0")]
    [InlineData("python-requests/2.31.0")]
    public void MatchesUserAgent_BrowserOrScript_MatchesNoFamily(string userAgent)
    {
        Assert.DoesNotContain(PhoneSamples.Renderers.All, renderer => renderer.MatchesUserAgent(userAgent));
    }
}
