using System.ComponentModel.DataAnnotations;

namespace Telephony.MediaServer.Audio;

/// <summary>Section <c>Audio</c>: where the media server keeps audio and the tools that convert and speak it.</summary>
public sealed class AudioOptions
{
    public const string SectionName = "Audio";

    /// <summary>Folder (relative to the content root) under which <c>audio/&lt;tenant&gt;/...</c> is stored.</summary>
    [Required]
    public string DataFolder { get; set; } = "data";

    [Required]
    public string FfmpegPath { get; set; } = "ffmpeg";

    [Required]
    public string FfprobePath { get; set; } = "ffprobe";

    [Required]
    public string EspeakPath { get; set; } = "espeak-ng";

    /// <summary>How long one run of ffprobe, ffmpeg or espeak-ng may take before it is killed.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan ConversionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where each conversion gets a private working folder, removed when it ends; the system temp folder when unset.</summary>
    public string? TemporaryFolder { get; set; }
}
