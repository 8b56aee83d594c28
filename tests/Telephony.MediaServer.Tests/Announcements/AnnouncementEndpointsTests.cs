using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Telephony.MediaServer.Announcements;
using Telephony.MediaServer.Audio;
using Telephony.MediaServer.Tests.Audio;
using Telephony.TestSupport;

namespace Telephony.MediaServer.Tests.Announcements;

/// <summary>The media server's internal HTTP API for the Portal: converted announcements and text-to-speech.</summary>
public sealed class AnnouncementEndpointsTests : IAsyncLifetime
{
    private readonly TestFolder _folder = new();
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        var url = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing", ContentRootPath = _folder.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Audio:DataFolder"] = _folder.Path,
            ["Audio:TemporaryFolder"] = _folder.Temporary,
        });
        builder.WebHost.UseUrls(url);
        builder.Services.AddAudio();
        _app = builder.Build();
        _app.MapAnnouncements();
        await _app.StartAsync();
        _client = new HttpClient { BaseAddress = new Uri(url) };
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task GetAnnouncement_Stored_IsTelephonyWav_AndOtherTenantsOrMalformedIdsAre404()
    {
        var (tenant, announcement) = (Guid.NewGuid(), Guid.NewGuid());
        var samples = new short[TelephonyAudio.SampleCount(TimeSpan.FromSeconds(2))];
        await _app.Services.GetRequiredService<AudioStore>().SaveAnnouncementAsync(tenant, announcement, samples, CancellationToken.None);

        using var found = await _client.GetAsync($"/internal/announcements/{tenant}/{announcement}");
        Assert.Equal(("audio/wav", HttpStatusCode.OK), (found.Content.Headers.ContentType?.MediaType, found.StatusCode));
        var wav = TelephonyAudio.Read(await found.Content.ReadAsByteArrayAsync());
        Assert.Equal(samples.Length, wav.Samples!.Length);

        foreach (var path in (string[])[$"/internal/announcements/{Guid.NewGuid()}/{announcement}", $"/internal/announcements/{tenant}/{announcement:N}", $"/internal/announcements/{tenant}/..%2F{announcement}"])
        {
            using var missing = await _client.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        }
    }

    [Fact]
    public async Task PostTts_FrenchText_IsSpokenAsTelephonyWav()
    {
        using var spoken = await _client.PostAsJsonAsync("/internal/tts", new { text = "Bonjour, vous êtes bien chez Demo Company.", language = "fr" });

        Assert.Equal(HttpStatusCode.OK, spoken.StatusCode);
        var wav = TelephonyAudio.Read(await spoken.Content.ReadAsByteArrayAsync());
        Assert.True(wav.Succeeded, wav.Error?.Message);
        Assert.InRange(wav.Duration.TotalSeconds, 1, 10);
    }

    [Theory]
    [InlineData(1001, "en", "audio.text-too-long", "The text has 1001 characters; at most 1000 can be spoken.")]
    [InlineData(0, "en", "audio.text-empty", "Type the text to speak.")]
    [InlineData(10, "de", "audio.unsupported-language", "Speech is available in French (fr) and English (en), not 'de'.")]
    public async Task PostTts_BadRequest_Is400WithTheReason(int length, string language, string code, string detail)
    {
        using var refused = await _client.PostAsJsonAsync("/internal/tts", new { text = new string('a', length), language });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((code, detail), (problem.GetProperty("code").GetString(), problem.GetProperty("detail").GetString()));
    }
}
