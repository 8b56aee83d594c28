using System.Net;
using System.Net.Http.Headers;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Features.Lines;
using Telephony.TestSupport;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

[Collection(PortalApiCollection.Name)]
public sealed class RecordingApiTests(PortalApiFixture api)
{
    [Fact]
    public async Task UploadAWav_ItIsPlayedInsteadOfThePredefinedHold_ThenRemoved()
    {
        var (client, line) = await LineAsync();
        var wav = TestAudio.Wav(TimeSpan.FromSeconds(4));
        var path = $"/api/v1/lines/{line.Id}/services/announcements/Hold/recording";

        var services = await OkAsync<LineServices>(await client.PutAsync(path, Audio(wav, "audio/wav")));
        Assert.Equal((AnnouncementSource.Uploaded, TimeSpan.FromSeconds(4), wav.Length), (services.Announcements.Hold.Source, services.Announcements.Hold.Recording!.Duration, (int)services.Announcements.Hold.Recording.Bytes));

        using var audio = await client.GetAsync(path);
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType!.MediaType);
        Assert.Equal(wav, await audio.Content.ReadAsByteArrayAsync());

        // Changing the other settings keeps the recording; the API cannot invent one.
        var changed = await OkAsync<LineServices>(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/announcements", new { hold = new { enabled = true, source = "Uploaded" }, callWaiting = new { enabled = true } }));
        Assert.NotNull(changed.Announcements.Hold.Recording);
        Assert.Equal(["Upload a recording first, or choose the predefined announcement."], FieldErrors(await ProblemAsync(await client.PutJsonAsync($"/api/v1/lines/{line.Id}/services/announcements", new { greeting = new { enabled = true, source = "Uploaded" } }), HttpStatusCode.BadRequest), "greeting.source"));

        var removed = await OkAsync<LineServices>(await client.DeleteAsync(path));
        Assert.Equal((AnnouncementSource.Predefined, (Recording?)null), (removed.Announcements.Hold.Source, removed.Announcements.Hold.Recording));
        await ProblemAsync(await client.GetAsync(path), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnMp3_IsAccepted_AndANewUploadReplacesTheWav()
    {
        var (client, line) = await LineAsync();
        var path = $"/api/v1/lines/{line.Id}/services/announcements/Greeting/recording";
        await OkAsync<LineServices>(await client.PutAsync(path, Audio(TestAudio.Wav(TimeSpan.FromSeconds(1)), "audio/wav")));

        var mp3 = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, "Domain", "Audio", "tone-3s-cbr.mp3"));
        var services = await OkAsync<LineServices>(await client.PutAsync(path, Audio(mp3, "audio/mpeg")));

        Assert.Equal((".mp3", "audio/mpeg"), (services.Announcements.Greeting.Recording!.Extension, services.Announcements.Greeting.Recording.ContentType));
        Assert.Equal(mp3, await client.GetByteArrayAsync(path));
    }

    [Fact]
    public async Task AFourMinuteFile_AFiveMegabyteFile_OrAFileThatIsNotAudio_AreRefusedClearly()
    {
        var (client, line) = await LineAsync();
        var path = $"/api/v1/lines/{line.Id}/services/announcements/Greeting/recording";

        Assert.Equal(["The recording lasts 4 min 00 s; an announcement is at most 2 minutes."], FieldErrors(await ProblemAsync(await client.PutAsync(path, Audio(TestAudio.Wav(TimeSpan.FromMinutes(4), sampleRate: 4000), "audio/wav")), HttpStatusCode.BadRequest), "file"));
        Assert.Equal(["The file is 5 MB; an announcement is at most 3 MB."], FieldErrors(await ProblemAsync(await client.PutAsync(path, Audio(new byte[5 * 1024 * 1024], "audio/wav")), HttpStatusCode.BadRequest), "file"));
        Assert.Equal("audio.format", Code(await ProblemAsync(await client.PutAsync(path, Audio("not audio at all"u8.ToArray(), "audio/mpeg")), HttpStatusCode.BadRequest)));
        Assert.Null((await OkAsync<LineServices>(await client.GetAsync($"/api/v1/lines/{line.Id}/services"))).Announcements.Greeting.Recording);
    }

    [Fact]
    public async Task Recordings_OfAnotherCompanysLine_Are404()
    {
        var (beta, betaLine) = await LineAsync(api.BetaClient());
        var path = $"/api/v1/lines/{betaLine.Id}/services/announcements/Hold/recording";
        await OkAsync<LineServices>(await beta.PutAsync(path, Audio(TestAudio.Wav(TimeSpan.FromSeconds(1)), "audio/wav")));
        using var alpha = api.AlphaClient();

        await ProblemAsync(await alpha.GetAsync(path), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutAsync(path, Audio(TestAudio.Wav(TimeSpan.FromSeconds(1)), "audio/wav")), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.DeleteAsync(path), HttpStatusCode.NotFound);
        Assert.NotNull((await OkAsync<LineServices>(await beta.GetAsync($"/api/v1/lines/{betaLine.Id}/services"))).Announcements.Hold.Recording);
    }

    private static ByteArrayContent Audio(byte[] content, string type)
    {
        var body = new ByteArrayContent(content);
        body.Headers.ContentType = new MediaTypeHeaderValue(type);
        return body;
    }

    private async Task<(HttpClient Client, LineDetail Line)> LineAsync(HttpClient? client = null)
    {
        client ??= api.AlphaClient();
        var site = await SiteApiTests.CreateAsync(client, $"Rec {Guid.NewGuid():N}"[..12], "75020", "Paris");
        var line = await OkAsync<LineDetail>(await client.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Rec", lastName = "Ording", email = $"rec.{Guid.NewGuid():N}@example.com" }), HttpStatusCode.Created);
        return (client, line);
    }
}
