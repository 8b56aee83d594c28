namespace Telephony.Provisioning.Rendering;

/// <summary>The vendor families whose firmware we provision (D-PROV).</summary>
public enum PhoneFamily
{
    /// <summary>Yealink T4x/T5x desk phones, W-series DECT bases and CP conference phones.</summary>
    Yealink,

    /// <summary>Poly/Polycom UC software: VVX, Edge E, Trio and SoundStation IP conference phones.</summary>
    Polycom,

    /// <summary>Cisco SPA and MPP (78xx/88xx multiplatform) phones.</summary>
    Cisco,

    /// <summary>Snom D-series desk phones and M-series DECT bases.</summary>
    Snom,

    /// <summary>Grandstream GXP/GRP desk phones, DP DECT bases and HT ATAs.</summary>
    Grandstream,

    /// <summary>AudioCodes MP-20x analog telephone adapters.</summary>
    AudioCodes,
}
