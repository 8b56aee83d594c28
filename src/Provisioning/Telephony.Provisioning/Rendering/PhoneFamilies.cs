namespace Telephony.Provisioning.Rendering;

/// <summary>The family of a catalogue model: which renderer serves it (the Portal's catalogue names vendors and models freely).</summary>
public static class PhoneFamilies
{
    /// <summary>
    /// The family of a catalogue entry, from its vendor name (any case; "Poly" and "Polycom" are
    /// one family); null for a vendor we do not provision. The model does not change the family
    /// today, but a vendor with two firmware lines would be told apart by it.
    /// </summary>
    public static PhoneFamily? Resolve(string vendor, string model) => vendor.Trim().ToUpperInvariant() switch
    {
        "YEALINK" => PhoneFamily.Yealink,
        "POLY" or "POLYCOM" or "HP POLY" => PhoneFamily.Polycom,
        "CISCO" or "LINKSYS" => PhoneFamily.Cisco,
        "SNOM" => PhoneFamily.Snom,
        "GRANDSTREAM" => PhoneFamily.Grandstream,
        "AUDIOCODES" when IsMediaPack(model) => PhoneFamily.AudioCodes,
        _ => null,
    };

    /// <summary>AudioCodes also makes IP phones (4xxHD/C4xxHD) with other firmware; only the MP-20x adapters are this family.</summary>
    private static bool IsMediaPack(string model) => model.Trim().StartsWith("MP", StringComparison.OrdinalIgnoreCase);
}
