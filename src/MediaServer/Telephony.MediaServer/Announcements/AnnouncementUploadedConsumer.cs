using MassTransit;
using Telephony.Contracts.Announcements;
using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Announcements;

/// <summary>
/// S-ANN: converts an uploaded announcement (<see cref="IUploadConverter"/>: ffprobe and ffmpeg
/// decide what the file is and how long it lasts, whatever its header claims), stores it as
/// <c>announcement:&lt;tenant&gt;/&lt;announcement&gt;</c> in place of the previous audio, and answers
/// with <see cref="AnnouncementConverted"/>: ready with its duration, or refused with the
/// converter's code and message.
/// <para>
/// Published from the consume context, without an outbox: converting the same upload again
/// gives the same audio and the same answer, so a redelivery after a crash between the save and
/// the publish is harmless, and the Portal ignores answers it already has or no longer wants.
/// Two uploads of one announcement converted out of order keep the later one's audio.
/// </para>
/// </summary>
public sealed partial class AnnouncementUploadedConsumer(
    IUploadConverter converter,
    AudioStore store,
    TimeProvider time,
    ILogger<AnnouncementUploadedConsumer> logger) : IConsumer<AnnouncementUploaded>
{
    /// <summary>Prefix of the codes in <see cref="AnnouncementConverted.ErrorCode"/> (audio.too-long, audio.not-audio…).</summary>
    public const string ErrorCodePrefix = "audio.";

    public async Task Consume(ConsumeContext<AnnouncementUploaded> context)
    {
        var upload = context.Message;
        if (upload.TenantId == Guid.Empty || upload.AnnouncementId == Guid.Empty)
        {
            // Not a message the Portal sends: nothing to store it under, nobody to answer.
            LogMalformed(logger, upload.MessageId);
            return;
        }

        using var scope = logger.BeginScope(new Dictionary<string, object> { ["TenantId"] = upload.TenantId, ["CorrelationId"] = upload.UploadId });
        var result = await converter.ConvertAsync(upload.Content, context.CancellationToken);
        if (result.Succeeded)
        {
            await store.SaveAnnouncementIfLaterAsync(upload.TenantId, upload.AnnouncementId, result.Samples, upload.OccurredAt, context.CancellationToken);
            LogConverted(logger, upload.AnnouncementId, result.Duration);
        }
        else
        {
            LogRefused(logger, upload.AnnouncementId, result.Error.Code);
        }

        await context.Publish(
            new AnnouncementConverted
            {
                TenantId = upload.TenantId,
                MessageId = NewId.NextGuid(),
                AnnouncementId = upload.AnnouncementId,
                UploadId = upload.UploadId,
                Ready = result.Succeeded,
                Duration = result.Succeeded ? result.Duration : null,
                ErrorCode = result.Error is { } error ? ErrorCodePrefix + error.Code : null,
                ErrorMessage = result.Error?.Message,
                OccurredAt = time.GetUtcNow().UtcDateTime,
            },
            context.CancellationToken);
    }

    [LoggerMessage(EventId = 6301, Level = LogLevel.Information, Message = "Announcement {AnnouncementId} converted: {Duration}")]
    private static partial void LogConverted(ILogger logger, Guid announcementId, TimeSpan duration);

    [LoggerMessage(EventId = 6302, Level = LogLevel.Information, Message = "Announcement {AnnouncementId} refused: {Code}")]
    private static partial void LogRefused(ILogger logger, Guid announcementId, string code);

    [LoggerMessage(EventId = 6303, Level = LogLevel.Warning, Message = "AnnouncementUploaded {MessageId} names no tenant or announcement; dropped")]
    private static partial void LogMalformed(ILogger logger, Guid messageId);
}

/// <summary>
/// One conversion at a time per instance: ffmpeg takes a core while it runs, and the media
/// clock must keep its 2 ms pacing for the calls in progress (ADR 14).
/// </summary>
public sealed class AnnouncementUploadedConsumerDefinition : ConsumerDefinition<AnnouncementUploadedConsumer>
{
    public AnnouncementUploadedConsumerDefinition() => ConcurrentMessageLimit = 1;
}
