using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Options;
using Telephony.MediaServer.Audio;

namespace Telephony.MediaServer.Tests.Audio;

public sealed class AudioServiceCollectionExtensionsTests
{
    [Fact]
    public void AddAudio_WithTheAudioSection_ResolvesEveryServiceWithBoundOptions()
    {
        using var services = Build(new() { ["Audio:DataFolder"] = "/srv/telephony", ["Audio:ConversionTimeout"] = "00:01:00" });

        var options = services.GetRequiredService<IOptions<AudioOptions>>().Value;

        Assert.Equal(TimeSpan.FromMinutes(1), options.ConversionTimeout);
        Assert.Equal("ffmpeg", options.FfmpegPath);
        Assert.Equal("espeak-ng", options.EspeakPath);
        Assert.Equal(Path.Combine("/srv/telephony", "audio"), services.GetRequiredService<AudioStore>().Root);
        Assert.NotNull(services.GetRequiredService<AudioConverter>());
        Assert.NotNull(services.GetRequiredService<SpeechSynthesizer>());
        Assert.NotEmpty(services.GetRequiredService<PromptLibrary>().Names(AudioLanguage.Default));
    }

    [Theory]
    [InlineData("Audio:ConversionTimeout", "00:00:00")]
    [InlineData("Audio:ConversionTimeout", "01:00:00")]
    [InlineData("Audio:FfmpegPath", "")]
    public void AddAudio_InvalidOption_FailsValidation(string key, string value)
    {
        using var services = Build(new() { [key] = value });

        var failure = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AudioOptions>>().Value);
        Assert.Contains(key.Split(':')[1], failure.Message, StringComparison.Ordinal);
    }

    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = Path.GetTempPath() });
        services.AddLogging();
        services.AddAudio();
        return services.BuildServiceProvider();
    }
}
