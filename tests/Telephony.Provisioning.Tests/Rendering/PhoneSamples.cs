using Telephony.Provisioning.Rendering;

namespace Telephony.Provisioning.Tests.Rendering;

/// <summary>The devices of the tests: Alice Martin's line (short number 201) on each catalogue model.</summary>
internal static class PhoneSamples
{
    public const string Password = "Xq7-vR2pLm9sT4wZ";

    /// <summary>The Portal's seeded catalogue: vendor, model and kind of each model (with the family it belongs to).</summary>
    public static readonly (PhoneFamily Family, string Vendor, string Model, PhoneKind Kind)[] Catalogue =
    [
        (PhoneFamily.Yealink, "Yealink", "T31P", PhoneKind.DeskPhone),
        (PhoneFamily.Yealink, "Yealink", "T43U", PhoneKind.DeskPhone),
        (PhoneFamily.Yealink, "Yealink", "T46U", PhoneKind.DeskPhone),
        (PhoneFamily.Yealink, "Yealink", "T54W", PhoneKind.DeskPhone),
        (PhoneFamily.Yealink, "Yealink", "T57W", PhoneKind.DeskPhone),
        (PhoneFamily.Yealink, "Yealink", "W60B", PhoneKind.DectBase),
        (PhoneFamily.Yealink, "Yealink", "W70B", PhoneKind.DectBase),
        (PhoneFamily.Yealink, "Yealink", "CP965", PhoneKind.ConferencePhone),
        (PhoneFamily.Polycom, "Poly", "VVX 250", PhoneKind.DeskPhone),
        (PhoneFamily.Polycom, "Poly", "VVX 450", PhoneKind.DeskPhone),
        (PhoneFamily.Polycom, "Poly", "Edge E220", PhoneKind.DeskPhone),
        (PhoneFamily.Polycom, "Poly", "Edge E450", PhoneKind.DeskPhone),
        (PhoneFamily.Polycom, "Poly", "Trio 8800", PhoneKind.ConferencePhone),
        (PhoneFamily.Polycom, "Poly", "SoundStation IP 5000", PhoneKind.ConferencePhone),
        (PhoneFamily.Cisco, "Cisco", "SPA504G", PhoneKind.DeskPhone),
        (PhoneFamily.Cisco, "Cisco", "IP Phone 8851 MPP", PhoneKind.DeskPhone),
        (PhoneFamily.Snom, "Snom", "D735", PhoneKind.DeskPhone),
        (PhoneFamily.Snom, "Snom", "D385", PhoneKind.DeskPhone),
        (PhoneFamily.Snom, "Snom", "M900", PhoneKind.DectBase),
        (PhoneFamily.Grandstream, "Grandstream", "GXP2170", PhoneKind.DeskPhone),
        (PhoneFamily.Grandstream, "Grandstream", "GRP2614", PhoneKind.DeskPhone),
        (PhoneFamily.Grandstream, "Grandstream", "DP752", PhoneKind.DectBase),
        (PhoneFamily.Grandstream, "Grandstream", "HT802", PhoneKind.Ata),
        (PhoneFamily.AudioCodes, "AudioCodes", "MP-202", PhoneKind.Ata),
    ];

    public static readonly PhoneRenderers Renderers = new();

    public static (PhoneFamily Family, string Vendor, string Model, PhoneKind Kind) Entry(string model) =>
        Catalogue.Single(entry => entry.Model == model);

    /// <summary>A MAC with the family's own prefix (OUI), as the device would have.</summary>
    public static string Mac(PhoneFamily family) => family switch
    {
        PhoneFamily.Yealink => "001565a1b2c3",
        PhoneFamily.Polycom => "0004f2a1b2c3",
        PhoneFamily.Cisco => "00562ba1b2c3",
        PhoneFamily.Snom => "000413a1b2c3",
        PhoneFamily.Grandstream => "000b82a1b2c3",
        _ => "00908fa1b2c3",
    };

    /// <summary>Alice Martin's line on <paramref name="model"/>: 3 supervision keys, 2 speed dials, the pickup key, French, Paris, distinctive ring on.</summary>
    public static PhoneConfiguration Alice(string model)
    {
        var entry = Entry(model);
        var mac = Mac(entry.Family);
        var directory = entry.Family == PhoneFamily.AudioCodes ? null : Renderers.For(entry.Family).FileNameFor(PhoneFileKind.Directory, mac);
        return new PhoneConfiguration
        {
            Mac = mac,
            Model = new PhoneModelInfo(entry.Vendor, entry.Model, entry.Kind),
            Account = new PhoneAccount
            {
                DisplayName = "Alice Martin",
                Label = "201",
                UserName = "201",
                Password = Password,
                Domain = "demo.sip.localhost",
                RegistrarHost = "sip.example.com",
                RegistrarPort = 5060,
                Transport = "udp",
                PublicNumber = "+33199000201",
            },
            Keys =
            [
                new PhoneKey(1, PhoneKeyKind.Supervision, "Bob Durand", "202"),
                new PhoneKey(2, PhoneKeyKind.Supervision, "Chloé Petit", "203"),
                new PhoneKey(3, PhoneKeyKind.Supervision, "David Roux", "204"),
                new PhoneKey(4, PhoneKeyKind.SpeedDial, "Accueil", "+33199000100"),
                new PhoneKey(5, PhoneKeyKind.SpeedDial, "Support", "0612345678"),
                new PhoneKey(6, PhoneKeyKind.Pickup, "Pickup", "*98"),
            ],
            Language = "fr",
            TimeZone = "Europe/Paris",
            DistinctiveRing = true,
            ProvisioningUrl = new Uri("https://prov.example.com/d/TOKEN/"),
            DirectoryUrl = directory is null ? null : new Uri("https://prov.example.com/d/TOKEN/" + directory),
        };
    }

    /// <summary>Alice's device before it is authenticated: where to fetch the real configuration, and nothing else.</summary>
    public static PhoneConfiguration Bootstrap(string model) => Alice(model) with { Account = null, Keys = [], DirectoryUrl = null };

    public static readonly PhoneDirectory Directory = new(
    [
        new PhoneDirectoryEntry("Alice Martin", "201", Internal: true),
        new PhoneDirectoryEntry("Bob Durand", "202", Internal: true),
        new PhoneDirectoryEntry("Chloé Petit", "203", Internal: true),
        new PhoneDirectoryEntry("Plomberie Dupont & Fils", "+33123456789", Internal: false),
    ]);

    public static readonly PhoneDirectory NoDirectory = new([]);
}
