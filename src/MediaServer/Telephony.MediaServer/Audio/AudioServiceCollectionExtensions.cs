using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Telephony.MediaServer.Audio;

public static class AudioServiceCollectionExtensions
{
    /// <summary>
    /// The audio store, the ffmpeg conversion, text-to-speech and the predefined prompts, with
    /// <see cref="AudioOptions"/> bound from section <c>Audio</c> and validated at start.
    /// </summary>
    public static IServiceCollection AddAudio(this IServiceCollection services)
    {
        services.AddOptions<AudioOptions>().BindConfiguration(AudioOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AudioConverter>();
        services.AddSingleton<SpeechSynthesizer>();
        services.AddSingleton<PromptLibrary>();
        services.AddSingleton<AudioStore>();
        return services;
    }
}
