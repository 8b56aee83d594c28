using MassTransit;
using Telephony.MediaServer.Audio;
using Telephony.ServiceDefaults.Messaging;

namespace Telephony.MediaServer.Announcements;

/// <summary>What <c>POST /internal/tts</c> takes: the text and its language (fr or en).</summary>
public sealed record SpeechRequest(string? Text, string? Language);

/// <summary>
/// S-ANN on the media server: the conversion of uploads (<see cref="AnnouncementUploadedConsumer"/>)
/// and the internal HTTP API the Portal calls — the converted audio of an announcement, and
/// text-to-speech for the manager to listen to before saving. The API is for services on the
/// internal network, like the SIP side (ADR 14): it trusts its caller for the tenant.
/// </summary>
public static class AnnouncementEndpoints
{
    public static IServiceCollection AddAnnouncements(this IServiceCollection services)
    {
        services.AddSingleton<IUploadConverter>(sp => sp.GetRequiredService<AudioConverter>());
        services.AddBusConsumers(bus => bus.AddConsumer<AnnouncementUploadedConsumer, AnnouncementUploadedConsumerDefinition>());
        return services;
    }

    public static IEndpointRouteBuilder MapAnnouncements(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/internal");
        group.MapGet("/announcements/{tenantId}/{announcementId}", GetAnnouncementAsync);
        group.MapPost("/tts", SpeakAsync);
        return endpoints;
    }

    /// <summary>The announcement as WAV 8 kHz mono 16-bit; 404 for anything that is not a stored announcement (ids are canonical Guids only).</summary>
    private static async Task<IResult> GetAnnouncementAsync(string tenantId, string announcementId, AudioStore store, CancellationToken cancellationToken) =>
        AudioStore.TryParseId(tenantId, out var tenant) && AudioStore.TryParseId(announcementId, out var announcement)
            && await store.ReadAnnouncementAsync(tenant, announcement, cancellationToken) is { } samples
            ? Results.File(TelephonyAudio.Write(samples), "audio/wav")
            : Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such announcement", detail: "There is no converted audio for this announcement.");

    /// <summary>The text spoken (WAV 8 kHz mono 16-bit), or 400 with the synthesizer's code and message.</summary>
    private static async Task<IResult> SpeakAsync(SpeechRequest request, SpeechSynthesizer speech, CancellationToken cancellationToken)
    {
        var result = await speech.SynthesizeAsync(request.Text ?? "", request.Language ?? "", cancellationToken);
        return result.Succeeded
            ? Results.File(TelephonyAudio.Write(result.Samples), "audio/wav")
            : Results.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: "The text cannot be spoken",
                detail: result.Error.Message,
                extensions: new Dictionary<string, object?> { ["code"] = AnnouncementUploadedConsumer.ErrorCodePrefix + result.Error.Code });
    }
}
