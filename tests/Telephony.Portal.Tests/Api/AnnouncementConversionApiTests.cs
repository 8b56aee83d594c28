using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using MassTransit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Telephony.Contracts.Announcements;
using Telephony.Contracts.Routing;
using Telephony.Portal.Domain.Announcements;
using Telephony.Portal.Domain.Lines.Services;
using Telephony.Portal.Features.Lines;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.TestSupport;
using static Telephony.Portal.Tests.Api.ApiAssert;

namespace Telephony.Portal.Tests.Api;

/// <summary>
/// A media server's HTTP API as the Portal sees it: converted announcements it was given, and
/// text-to-speech answering a 2-second WAV (or the real server's refusal of a text over 1,000 characters).
/// </summary>
public sealed class FakeMediaServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeMediaServer(WebApplication app, string url)
    {
        _app = app;
        Url = url;
    }

    /// <summary>A text this media server refuses, as the real one refuses what it cannot speak.</summary>
    public const string UnspeakableText = "refuse me";

    public string Url { get; }

    /// <summary>Converted audio by "tenant/announcement".</summary>
    public ConcurrentDictionary<string, byte[]> Announcements { get; } = new();

    public ConcurrentQueue<string> SpokenTexts { get; } = new();

    public static async Task<FakeMediaServer> StartAsync()
    {
        var url = $"http://127.0.0.1:{FreePorts.Take(1)[0]}";
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.WebHost.UseUrls(url);
        var app = builder.Build();
        var server = new FakeMediaServer(app, url);
        app.MapGet("/internal/announcements/{tenant}/{announcement}", (string tenant, string announcement) =>
            server.Announcements.TryGetValue($"{tenant}/{announcement}", out var wav) ? Results.File(wav, "audio/wav") : Results.NotFound());
        app.MapPost("/internal/tts", (SpeechBody body) =>
        {
            server.SpokenTexts.Enqueue($"{body.Language}:{body.Text}");
            return body.Text == UnspeakableText
                ? Results.Problem(statusCode: 400, detail: "Speech is available in French (fr) and English (en), not 'xx'.", extensions: new Dictionary<string, object?> { ["code"] = "audio.unsupported-language" })
                : Results.File(TestAudio.Wav(TimeSpan.FromSeconds(2)), "audio/wav");
        });
        await app.StartAsync();
        return server;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private sealed record SpeechBody(string Text, string Language);
}

/// <summary>A Portal whose media server is <see cref="FakeMediaServer"/>, with two companies.</summary>
public sealed class AnnouncementApiFixture : IAsyncLifetime
{
    public FakeMediaServer MediaServer { get; private set; } = null!;

    public PortalApiHost Host { get; private set; } = null!;

    public (Guid TenantId, string Token) Alpha { get; private set; }

    public (Guid TenantId, string Token) Beta { get; private set; }

    public async Task InitializeAsync()
    {
        MediaServer = await FakeMediaServer.StartAsync();
        Host = await PortalApiHost.StartAsync(new Dictionary<string, string?> { ["Portal:MediaServerUrl"] = MediaServer.Url });
        await Host.AddPoolNumbersAsync("0199300000", 50);
        Alpha = await Host.CreateCompanyAsync("Alpha Announcements", fixedPlans: 20);
        Beta = await Host.CreateCompanyAsync("Beta Announcements", fixedPlans: 20);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await MediaServer.DisposeAsync();
    }
}

/// <summary>
/// S-ANN conversion through the Portal: an upload is staged for the media server in the same
/// save, converting until the media server answers, then ready (played, listened to); a new
/// upload keeps the announcement id; text-to-speech takes the same path. Stale and repeated
/// answers: <see cref="Infrastructure.AnnouncementConvertedConsumerTests"/>.
/// </summary>
public sealed class AnnouncementConversionApiTests(AnnouncementApiFixture fixture) : IClassFixture<AnnouncementApiFixture>
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Upload_StagesTheFileForTheMediaServer_AndIsConvertingUntilItAnswers_ThenReadyAndPlayed()
    {
        var (client, line) = await LineAsync();
        var wav = TestAudio.Wav(TimeSpan.FromSeconds(5));

        await OkAsync<LineServices>(await client.PutAsync(Path(line, "Hold", "recording"), Audio(wav)));

        var upload = await LatestUploadAsync(fixture.Alpha.TenantId);
        Assert.Equal("audio/wav", upload.ContentType);
        Assert.Equal(wav, upload.Content);
        var converting = await OkAsync<RecordingConversion>(await client.GetAsync(Path(line, "Hold", "conversion")));
        Assert.Equal((upload.AnnouncementId, AnnouncementState.Converting), (converting.AnnouncementId, converting.State));
        Assert.Null(Services(await LatestSnapshotAsync(fixture.Alpha.TenantId), line).HoldAnnouncement.AnnouncementId);
        await ProblemAsync(await client.GetAsync(Path(line, "Hold", "audio")), HttpStatusCode.NotFound);

        var converted = TestAudio.Wav(TimeSpan.FromSeconds(5));
        fixture.MediaServer.Announcements[$"{fixture.Alpha.TenantId}/{upload.AnnouncementId}"] = converted;
        await PublishAsync(Answer(upload, ready: true));

        var ready = await ConversionEventuallyAsync(client, line, "Hold", AnnouncementState.Ready);
        Assert.Equal(TimeSpan.FromSeconds(5), ready.Duration);
        var hold = Services(await LatestSnapshotAsync(fixture.Alpha.TenantId), line).HoldAnnouncement;
        Assert.Equal(new RoutingAnnouncement(true, "Uploaded", upload.AnnouncementId), hold);
        using var audio = await client.GetAsync(Path(line, "Hold", "audio"));
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
        Assert.Equal(converted, await audio.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task NewUpload_KeepsTheAnnouncementId_UnderANewUploadId_AndRefusalIsShownWithItsReason()
    {
        var (client, line) = await LineAsync();
        await OkAsync<LineServices>(await client.PutAsync(Path(line, "Greeting", "recording"), Audio(TestAudio.Wav(TimeSpan.FromSeconds(2)))));
        var first = await LatestUploadAsync(fixture.Alpha.TenantId);
        await OkAsync<LineServices>(await client.PutAsync(Path(line, "Greeting", "recording"), Audio(TestAudio.Wav(TimeSpan.FromSeconds(3)))));
        var second = await LatestUploadAsync(fixture.Alpha.TenantId);
        Assert.Equal(first.AnnouncementId, second.AnnouncementId);
        Assert.NotEqual(first.UploadId, second.UploadId);

        await PublishAsync(Answer(second, ready: false, "audio.too-long", "The recording lasts more than 2 minutes; an announcement is at most 2 minutes."));

        var refused = await ConversionEventuallyAsync(client, line, "Greeting", AnnouncementState.Refused);
        Assert.Equal(("audio.too-long", "The recording lasts more than 2 minutes; an announcement is at most 2 minutes."), (refused.ErrorCode, refused.ErrorMessage));
        Assert.Null(Services(await LatestSnapshotAsync(fixture.Alpha.TenantId), line).Greeting.AnnouncementId);
        await ProblemAsync(await client.GetAsync(Path(line, "Greeting", "audio")), HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Recordings_OfAnotherCompanysLine_Are404ForConversionAudioAndSpeech()
    {
        var (beta, betaLine) = await BetaLineWithReadyHoldAsync();
        using var alpha = fixture.Host.Client(fixture.Alpha.Token);

        await ProblemAsync(await alpha.GetAsync(Path(betaLine, "Hold", "conversion")), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.GetAsync(Path(betaLine, "Hold", "audio")), HttpStatusCode.NotFound);
        await ProblemAsync(await alpha.PutJsonAsync(Path(betaLine, "Hold", "speech"), new { text = "Bonjour", language = "fr" }), HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await beta.GetAsync(Path(betaLine, "Hold", "audio"))).StatusCode);
    }

    [Fact]
    public async Task LinePagePlayers_OfAnotherCompanysLine_Are404ForItsManager()
    {
        var (beta, betaLine) = await BetaLineWithReadyHoldAsync();
        using var alphaManager = await SignedInManagerAsync(fixture.Alpha.TenantId);
        using var betaManager = await SignedInManagerAsync(fixture.Beta.TenantId);
        var player = $"/manage/lines/{betaLine.Id}/recordings/Hold";
        var speech = $"/manage/lines/{betaLine.Id}/speech?text=Bonjour&language=fr";

        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), ((await alphaManager.GetAsync(player)).StatusCode, (await alphaManager.GetAsync(speech)).StatusCode));
        using var own = await betaManager.GetAsync(player);
        Assert.Equal(("audio/wav", HttpStatusCode.OK), (own.Content.Headers.ContentType?.MediaType, own.StatusCode));
        Assert.Equal(HttpStatusCode.OK, (await betaManager.GetAsync(speech)).StatusCode);
    }

    [Fact]
    public async Task LinePageSpeech_TooLong_IsAProblemWithTheReasonInThePagesLanguage()
    {
        var (_, line) = await LineAsync();
        using var manager = await SignedInManagerAsync(fixture.Alpha.TenantId);

        var problem = await ProblemAsync(await manager.GetAsync($"/manage/lines/{line.Id}/speech?text={new string('a', 1001)}&language=en"), HttpStatusCode.BadRequest);

        // French: the page's default language, as the script shows it.
        Assert.Equal("Le texte a 1001 caractères ; 1000 au plus peuvent être lus.", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Speech_IsSpokenByTheMediaServer_AndUploadedLikeAFile()
    {
        var (client, line) = await LineAsync();

        var services = await OkAsync<LineServices>(await client.PutJsonAsync(Path(line, "Greeting", "speech"), new { text = "  Bienvenue chez Alpha.  ", language = "fr" }));

        Assert.Equal((AnnouncementSource.Uploaded, "audio/wav", TimeSpan.FromSeconds(2)), (services.Announcements.Greeting.Source, services.Announcements.Greeting.Recording!.ContentType, services.Announcements.Greeting.Recording.Duration));
        Assert.Contains("fr:Bienvenue chez Alpha.", fixture.MediaServer.SpokenTexts);
        var upload = await LatestUploadAsync(fixture.Alpha.TenantId);
        Assert.Equal(services.Announcements.Greeting.Recording.AnnouncementId, upload.AnnouncementId);
        Assert.Equal(TestAudio.Wav(TimeSpan.FromSeconds(2)), upload.Content);
    }

    [Theory]
    [InlineData("", "fr", "text", "Type the text to speak.")]
    [InlineData("Hallo", "de", "language", "Choose French or English.")]
    public async Task Speech_WithoutTextOrInAnotherLanguage_IsRefusedBeforeTheMediaServer(string text, string language, string field, string message)
    {
        var (client, line) = await LineAsync();

        var problem = await ProblemAsync(await client.PutJsonAsync(Path(line, "Greeting", "speech"), new { text, language }), HttpStatusCode.BadRequest);

        Assert.Equal([message], FieldErrors(problem, field));
    }

    [Fact]
    public async Task Speech_RefusedByTheMediaServer_IsRefusedWithItsMessageOnTheText()
    {
        var (client, line) = await LineAsync();

        var problem = await ProblemAsync(await client.PutJsonAsync(Path(line, "Hold", "speech"), new { text = FakeMediaServer.UnspeakableText, language = "en" }), HttpStatusCode.BadRequest);

        Assert.Equal("audio.unsupported-language", Code(problem));
        Assert.Equal(["Speech is available in French (fr) and English (en), not 'xx'."], FieldErrors(problem, "text"));
    }

    [Fact]
    public async Task Speech_OverAThousandCharacters_IsRefusedNamingTheLength()
    {
        var (client, line) = await LineAsync();

        var problem = await ProblemAsync(await client.PutJsonAsync(Path(line, "Hold", "speech"), new { text = new string('a', 1001), language = "en" }), HttpStatusCode.BadRequest);

        Assert.Equal(["The text has 1001 characters; at most 1000 can be spoken."], FieldErrors(problem, "text"));
        Assert.Null((await OkAsync<LineServices>(await client.GetAsync($"/api/v1/lines/{line.Id}/services"))).Announcements.Hold.Recording);
    }

    [Fact]
    public async Task RemoveRecording_ForgetsItsAnnouncement()
    {
        var (client, line) = await LineAsync();
        await OkAsync<LineServices>(await client.PutAsync(Path(line, "Hold", "recording"), Audio(TestAudio.Wav(TimeSpan.FromSeconds(1)))));
        var upload = await LatestUploadAsync(fixture.Alpha.TenantId);

        await OkAsync<LineServices>(await client.DeleteAsync(Path(line, "Hold", "recording")));

        await ProblemAsync(await client.GetAsync(Path(line, "Hold", "conversion")), HttpStatusCode.NotFound);
        Assert.False(await fixture.Host.InScopeAsync(fixture.Alpha.TenantId, services =>
            services.GetRequiredService<PortalDbContext>().Announcements.AnyAsync(a => a.Id == upload.AnnouncementId)));
    }

    [Fact]
    public async Task DeleteLine_ForgetsItsAnnouncements()
    {
        var (client, line) = await LineAsync();
        await OkAsync<LineServices>(await client.PutAsync(Path(line, "Hold", "recording"), Audio(TestAudio.Wav(TimeSpan.FromSeconds(1)))));
        var upload = await LatestUploadAsync(fixture.Alpha.TenantId);

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/v1/lines/{line.Id}")).StatusCode);

        Assert.False(await fixture.Host.InScopeAsync(fixture.Alpha.TenantId, services =>
            services.GetRequiredService<PortalDbContext>().Announcements.AnyAsync(a => a.Id == upload.AnnouncementId)));
    }

    /// <summary>A line of the other company whose hold recording the media server has converted.</summary>
    private async Task<(HttpClient Client, LineDetail Line)> BetaLineWithReadyHoldAsync()
    {
        var (beta, betaLine) = await LineAsync(fixture.Host.Client(fixture.Beta.Token));
        await OkAsync<LineServices>(await beta.PutAsync(Path(betaLine, "Hold", "recording"), Audio(TestAudio.Wav(TimeSpan.FromSeconds(1)))));
        var upload = await LatestUploadAsync(fixture.Beta.TenantId);
        fixture.MediaServer.Announcements[$"{fixture.Beta.TenantId}/{upload.AnnouncementId}"] = TestAudio.Wav(TimeSpan.FromSeconds(1));
        await PublishAsync(Answer(upload, ready: true));
        await ConversionEventuallyAsync(beta, betaLine, "Hold", AnnouncementState.Ready);
        return (beta, betaLine);
    }

    /// <summary>A cookie client signed in through the sign-in form as the company's manager (given a password here).</summary>
    private async Task<HttpClient> SignedInManagerAsync(Guid tenantId)
    {
        const string password = "Announcements-Tests-1";
        var email = await fixture.Host.InScopeAsync(tenantId, async services =>
        {
            var db = services.GetRequiredService<PortalDbContext>();
            var manager = await db.ManagerAccounts.FirstAsync();
            manager.SetPasswordHash(services.GetRequiredService<Microsoft.AspNetCore.Identity.IPasswordHasher<Telephony.Portal.Domain.Accounts.PortalAccount>>().HashPassword(manager, password));
            await db.SaveChangesAsync();
            return manager.Email;
        });
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = fixture.Host.BaseAddress };
        var form = await client.GetStringAsync("/sign-in");
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"").Groups["token"].Value;
        using var signedIn = await client.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["_handler"] = "sign-in",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        }));
        Assert.DoesNotContain("sign-in-form", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        return client;
    }

    private static string Path(LineDetail line, string use, string what) => $"/api/v1/lines/{line.Id}/services/announcements/{use}/{what}";

    private static ByteArrayContent Audio(byte[] wav)
    {
        var body = new ByteArrayContent(wav);
        body.Headers.ContentType = new MediaTypeHeaderValue("audio/wav");
        return body;
    }

    private static AnnouncementConverted Answer(AnnouncementUploaded upload, bool ready, string? code = null, string? message = null) => new()
    {
        TenantId = upload.TenantId,
        MessageId = Guid.NewGuid(),
        AnnouncementId = upload.AnnouncementId,
        UploadId = upload.UploadId,
        Ready = ready,
        Duration = ready ? TimeSpan.FromSeconds(5) : null,
        ErrorCode = code,
        ErrorMessage = message,
        OccurredAt = new DateTime(2026, 12, 4, 12, 0, 0, DateTimeKind.Utc),
    };

    private static RoutingLineServices Services(TenantRoutingChanged snapshot, LineDetail line) => snapshot.Lines.Single(l => l.LineId == line.Id).Services!;

    private Task PublishAsync(AnnouncementConverted answer) => fixture.Host.Services.GetRequiredService<IBus>().Publish(answer);

    private static async Task<RecordingConversion> ConversionEventuallyAsync(HttpClient client, LineDetail line, string use, AnnouncementState state) =>
        await Eventually.GetAsync(
            async () => await OkAsync<RecordingConversion>(await client.GetAsync(Path(line, use, "conversion"))) is { } conversion && conversion.State == state ? conversion : null,
            TimeSpan.FromSeconds(10),
            $"the {use} recording to be {state}");

    private Task<AnnouncementUploaded> LatestUploadAsync(Guid tenantId) => LatestAsync<AnnouncementUploaded>(tenantId);

    private Task<TenantRoutingChanged> LatestSnapshotAsync(Guid tenantId) => LatestAsync<TenantRoutingChanged>(tenantId);

    private Task<T> LatestAsync<T>(Guid tenantId) =>
        fixture.Host.InScopeAsync(null, async services =>
        {
            var row = await services.GetRequiredService<PortalDbContext>().OutboxMessages.AsNoTracking()
                .Where(m => m.TenantId == tenantId && m.MessageType == typeof(T).FullName)
                .OrderByDescending(m => m.Sequence).FirstAsync();
            return JsonSerializer.Deserialize<T>(row.Body, Web)!;
        });

    private async Task<(HttpClient Client, LineDetail Line)> LineAsync(HttpClient? client = null)
    {
        client ??= fixture.Host.Client(fixture.Alpha.Token);
        var site = await SiteApiTests.CreateAsync(client, $"Ann {Guid.NewGuid():N}"[..12], "75011", "Paris");
        var line = await OkAsync<LineDetail>(await client.PostJsonAsync("/api/v1/lines", new { siteId = site.Id, kind = "Fixed", firstName = "Ann", lastName = "Ounce", email = $"ann.{Guid.NewGuid():N}@example.com" }), HttpStatusCode.Created);
        return (client, line);
    }
}
