using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Telephony.MediaServer.Announcements;
using Telephony.MediaServer.Audio;
using Telephony.MediaServer.Media;
using Telephony.MediaServer.Persistence;
using Telephony.MediaServer.Services;
using Telephony.MediaServer.Sip;
using Telephony.MediaServer.Voicemail;
using Telephony.ServiceDefaults.Data;
using Telephony.ServiceDefaults.Health;
using Telephony.ServiceDefaults.Messaging;
using Telephony.ServiceDefaults.Tenancy;
using Telephony.Sip.Transactions;

namespace Telephony.MediaServer;

/// <summary>MediaServer's composition, used by its own host and by the embedded all-in-one host.</summary>
public static class MediaServerExtensions
{
    public const string HealthTag = "mediaserver";

    public static IHostApplicationBuilder AddMediaServer(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.TryAddScoped<TenantContext>();
        builder.AddServiceDatabase<MediaServerDbContext>("MediaServer", HealthTag, (sp, db) =>
            db.AddInterceptors(new TenantGuardInterceptor(sp.GetRequiredService<TenantContext>())));
        services.AddOutboxDispatcher<MediaServerDbContext>();
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddAudio();
        services.AddAnnouncements();
        services.AddSingleton<IAudioLibrary, AudioLibrary>();
        services.AddSingleton<MediaMetrics>();
        services.AddSingleton(sp =>
        {
            var media = sp.GetRequiredService<IOptions<MediaOptions>>().Value;
            return new RtpPorts(media.RtpPortFirst, media.RtpPortLast);
        });
        services.AddSingleton<RtpReceiver>();
        services.AddSingleton<MediaClock>();
        services.AddSingleton<Conference.ConferenceRooms>();
        services.AddHostedService(sp => sp.GetRequiredService<MediaClock>());
        services.AddSingleton(SipTimerOptions.Default);
        services.AddVoicemail();
        services.AddSingleton<MediaSipCore>();
        services.AddSingleton<MediaSipServer>();
        services.AddHostedService(sp => sp.GetRequiredService<MediaSipServer>());
        return builder;
    }

    public static IEndpointRouteBuilder MapMediaServer(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHealthEndpoints(HealthTag);
        endpoints.MapVoicemail();
        endpoints.MapAnnouncements();
        return endpoints;
    }
}
