namespace Telephony.MediaServer.Audio;

/// <summary>S-ANN: an uploaded MP3 or WAV to telephony audio (<see cref="AudioConverter"/>; tests may use a faster one).</summary>
public interface IUploadConverter
{
    Task<AudioResult> ConvertAsync(ReadOnlyMemory<byte> upload, CancellationToken cancellationToken);
}
