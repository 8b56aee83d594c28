using System.ComponentModel.DataAnnotations;
using System.Net;

namespace Telephony.MediaServer.Sip;

/// <summary>Section <c>Media</c>: where the media server takes SIP from CallControl and which ports carry RTP.</summary>
public sealed class MediaOptions : IValidatableObject
{
    public const string SectionName = "Media";

    /// <summary>Address of the SIP listeners (UDP and TCP); 0.0.0.0 or :: for every interface.</summary>
    [Required]
    public string ListenAddress { get; set; } = "0.0.0.0";

    [Range(1, 65535)]
    public int SipPort { get; set; } = 5070;

    /// <summary>The address CallControl and phones reach us at: in Via, Contact and SDP (c=). Defaults to the listen address when specific.</summary>
    public string? AdvertisedAddress { get; set; }

    /// <summary>Address RTP sockets bind to; defaults to the listen address.</summary>
    public string? RtpAddress { get; set; }

    [Range(1024, 65534)]
    public int RtpPortFirst { get; set; } = 20000;

    [Range(1025, 65535)]
    public int RtpPortLast { get; set; } = 29999;

    public string AdvertisedHost => AdvertisedAddress is { Length: > 0 } advertised
        ? advertised
        : ListenAddress is "0.0.0.0" or "::" ? "127.0.0.1" : ListenAddress;

    public IPAddress RtpBindAddress => IPAddress.Parse(RtpAddress is { Length: > 0 } rtp ? rtp : ListenAddress);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (RtpPortLast - RtpPortFirst < 1)
        {
            yield return new ValidationResult("The RTP port range needs at least one even/odd pair.", [nameof(RtpPortFirst), nameof(RtpPortLast)]);
        }

        if (!IPAddress.TryParse(ListenAddress, out _) || (RtpAddress is { Length: > 0 } rtp && !IPAddress.TryParse(rtp, out _)))
        {
            yield return new ValidationResult("ListenAddress and RtpAddress are IP addresses.", [nameof(ListenAddress), nameof(RtpAddress)]);
        }
    }
}
