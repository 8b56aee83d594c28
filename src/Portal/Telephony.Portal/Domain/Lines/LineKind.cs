namespace Telephony.Portal.Domain.Lines;

/// <summary>The plan types a line can be activated with (O-OFFER, O-ACTIVATE).</summary>
public enum LineKind
{
    /// <summary>Fixed line: a desk phone or softphone registering to the platform.</summary>
    Fixed,

    /// <summary>Fixed number for mobile: a geographic number whose calls reach a mobile.</summary>
    FixedForMobile,

    /// <summary>Mobile line with the PABX option, held by the virtual mobile site.</summary>
    Mobile,

    /// <summary>Analog line behind an ATA.</summary>
    Analog,

    HuntGroup,

    Ivr,
}

public static class LineKinds
{
    /// <summary>Lines that belong to a person, with an e-mail that is their selfcare login.</summary>
    public static bool IsUserLine(this LineKind kind) => kind is LineKind.Fixed or LineKind.FixedForMobile or LineKind.Mobile;

    /// <summary>The plan type as the offer names it (O-OFFER).</summary>
    public static string Label(this LineKind kind) => kind switch
    {
        LineKind.Fixed => "Fixed line",
        LineKind.FixedForMobile => "Fixed number for mobile",
        LineKind.Mobile => "Mobile line",
        LineKind.Analog => "Analog line",
        LineKind.HuntGroup => "Hunt group",
        LineKind.Ivr => "IVR",
        _ => kind.ToString(),
    };

    /// <summary>Lines with a SIP device of their own (phone, softphone or ATA).</summary>
    public static bool RegistersDevice(this LineKind kind) => kind is LineKind.Fixed or LineKind.Analog;
}

/// <summary>L-MOBILE: the association of a mobile with a fixed number is applied by the mobile network, asynchronously.</summary>
public enum MobileAssociationState
{
    None,

    /// <summary>Asked for; the mobile network has not applied it yet ("may take up to an hour").</summary>
    Pending,

    Active,
}
