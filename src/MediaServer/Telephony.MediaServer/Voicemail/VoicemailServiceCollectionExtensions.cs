namespace Telephony.MediaServer.Voicemail;

public static class VoicemailServiceCollectionExtensions
{
    /// <summary>The voicemail: its store, the call flows, the hourly retention purge (run once in a cluster).</summary>
    public static IServiceCollection AddVoicemail(this IServiceCollection services)
    {
        services.AddSingleton<VoicemailStore>();
        services.AddSingleton<VoicemailService>();
        services.AddSingleton<VoicemailPurge>();
        services.AddSingleton<JobLeases>();
        services.AddHostedService<VoicemailPurgeJob>();
        return services;
    }
}
