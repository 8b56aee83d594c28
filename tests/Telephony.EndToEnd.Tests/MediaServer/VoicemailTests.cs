using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.MediaServer;

/// <summary>
/// The voicemail of the media server called by real user agents: baresip leaves a message
/// (its microphone a WAV: silent through the greeting, then a tone), which the internal HTTP
/// API then lists, counts and serves; sipp opens the owner's menu and presses keys as SIP INFO.
/// </summary>
public sealed class VoicemailTests : IAsyncLifetime
{
    private static readonly string Prompts = Path.Combine(TestEnvironment.RepositoryRoot, "src/MediaServer/Telephony.MediaServer/Audio/Prompts/en");
    private static readonly string[] StandardGreeting = ["you-have-reached", "2", "0", "1", "leave-message", "beep"];
    private readonly string _audioFolder = Directory.CreateTempSubdirectory("voicemail-audio").FullName;
    private readonly Guid _tenant = Guid.NewGuid();
    private readonly Guid _box = Guid.NewGuid();
    private MediaServerProcess _media = null!;

    public async Task InitializeAsync() => _media = await MediaServerProcess.StartAsync();

    public async Task DisposeAsync()
    {
        await _media.DisposeAsync();
        Directory.Delete(_audioFolder, recursive: true);
    }

    private string Api(string path) => $"{_media.HttpBase}/internal/voicemail/{_tenant}{path}";

    [Fact]
    public async Task Deposit_CallerSpeaksThenHangsUp_TheMessageHasItsDurationAndAudio_AndItsEventsAreStaged()
    {
        // What the standard greeting lasts for line 201, tone included, as the prompts hold it.
        var greeting = StandardGreeting.Sum(p => Wav.Read(Path.Combine(Prompts, p + ".wav")).Samples.Length / 8000.0);
        const double Tone = 4;
        // The tone starts 3 s after the greeting as baresip counts, a margin for a loaded
        // machine where our greeting ends later than its length says.
        const double Margin = 3;
        var wav = Wav.Tone(Path.Combine(_audioFolder, "caller.wav"), seconds: Tone, silenceAfter: 60, silenceBefore: greeting + Margin);
        await using var phone = Baresip.StartUnregistered(wav);

        await phone.CommandAsync("dial", $"sip:voicemail@127.0.0.1:{_media.SipPort};tenant={_tenant};box={_box};number=201;lang=en");
        await Eventually.TrueAsync(
            () => Task.FromResult(_media.Process.Output.Any(l => l.Contains("voicemail recording", StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30),
            "the recording to start after the greeting:\n" + phone.Output + "\n" + _media.Process.Describe());
        var recording = Stopwatch.StartNew();
        // The caller speaks (the tone, after the margin), pauses, and hangs up.
        await Task.Delay(TimeSpan.FromSeconds(Margin + Tone + 1.5));
        await phone.CommandAsync("hangup");
        var spoken = recording.Elapsed.TotalSeconds;

        var messages = await Eventually.GetAsync(
            async () => await GetJsonAsync(Api($"/boxes/{_box}/messages")) is { } list && list.GetArrayLength() == 1 ? list.EnumerateArray().ToArray() : null,
            TimeSpan.FromSeconds(15),
            "the message in the box:\n" + _media.Process.Describe());
        var message = messages[0];
        Assert.InRange(message.GetProperty("durationSeconds").GetDouble(), spoken - 1, spoken + 1);
        Assert.Equal("new", message.GetProperty("state").GetString());
        Assert.Equal("tester", message.GetProperty("callerNumber").GetString());
        var id = message.GetProperty("id").GetString();

        var audio = await Http.Client.GetAsync(Api($"/messages/{id}/audio?format=wav"));
        Assert.Equal("audio/wav", audio.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(_audioFolder, "message.wav");
        await File.WriteAllBytesAsync(file, await audio.Content.ReadAsByteArrayAsync());
        var heard = Wav.Read(file);
        var source = Wav.Read(wav);
        Assert.InRange(heard.ActiveSeconds(), Tone - 0.5, Tone + 0.5);
        Assert.InRange(heard.ActiveRms(), source.ActiveRms() * 0.8, source.ActiveRms() * 1.2);

        var mp3 = await Http.Client.GetAsync(Api($"/messages/{id}/audio?format=mp3"));
        Assert.Equal("audio/mpeg", mp3.Content.Headers.ContentType?.MediaType);
        Assert.True((await mp3.Content.ReadAsByteArrayAsync()).Length > 1000);

        var box = (await GetJsonAsync(Api($"/boxes/{_box}")))!.Value;
        Assert.Equal((1, 0), (box.GetProperty("newMessages").GetInt32(), box.GetProperty("savedMessages").GetInt32()));
        var staged = await OutboxAsync();
        Assert.Contains(staged, r => r.Type == "Telephony.Contracts.Voicemail.VoicemailDeposited");
        Assert.Contains(staged, r => r.Type == "Telephony.Contracts.Voicemail.VoicemailBoxChanged");
        // The dispatcher publishes them (to the in-memory bus of the standalone host).
        await Eventually.TrueAsync(async () => (await OutboxAsync()).All(r => r.Sent), TimeSpan.FromSeconds(15), "the outbox to be published:\n" + _media.Process.Describe());

        // The Portal's selfcare: heard, then deleted; another tenant sees nothing.
        var otherTenant = $"{_media.HttpBase}/internal/voicemail/{Guid.NewGuid()}/messages/{id}";
        Assert.Equal(HttpStatusCode.NotFound, (await Http.Client.GetAsync(otherTenant + "/audio")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Http.Client.DeleteAsync(otherTenant)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Http.Client.PostAsync(Api($"/messages/{id}/heard"), null)).StatusCode);
        Assert.Equal("saved", (await GetJsonAsync(Api($"/messages/{id}")))!.Value.GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await Http.Client.DeleteAsync(Api($"/messages/{id}"))).StatusCode);
        var gone = await Http.Client.GetAsync(Api($"/messages/{id}/audio"));
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Retrieve_FirstAccessFromTheOwnLine_ChoosesAPinThenSetsAnsweringMachineOnly_ByInfoDigits()
    {
        var (exitCode, log) = await Sipp.RunAsync(
            "uac-voicemail-retrieve-info-dtmf.xml",
            _media.SipPort,
            "-mp", FreePorts.TakeBlock(2).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-key", "tenant", _tenant.ToString(),
            "-key", "box", _box.ToString());

        Assert.True(exitCode == 0, log + "\n" + _media.Process.Describe());
        var box = (await GetJsonAsync(Api($"/boxes/{_box}")))!.Value;
        Assert.True(box.GetProperty("hasPin").GetBoolean(), "a PIN chosen: " + _media.Process.Describe());
        Assert.True(box.GetProperty("answeringMachineOnly").GetBoolean(), "answering machine only: " + _media.Process.Describe());
        Assert.DoesNotContain(_media.Process.Output, l => l.Contains("1357", StringComparison.Ordinal));
    }

    [Fact]
    public async Task InternalApi_BadIdsAndFormats_AreProblemDetails()
    {
        var badId = await Http.Client.GetAsync($"{_media.HttpBase}/internal/voicemail/not-a-guid/boxes/{_box}");
        var badFormat = await Http.Client.GetAsync(Api($"/messages/{Guid.NewGuid()}/audio?format=ogg"));
        var unknownBox = (await GetJsonAsync(Api($"/boxes/{_box}")))!.Value;

        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        Assert.Equal("application/problem+json", badId.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
        Assert.Equal(0, unknownBox.GetProperty("newMessages").GetInt32());
    }

    private static async Task<JsonElement?> GetJsonAsync(string url)
    {
        var response = await Http.Client.GetAsync(url);
        return response.IsSuccessStatusCode ? JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone() : null;
    }

    private async Task<List<(string Type, bool Sent)>> OutboxAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_media.DataFolder, "mediaserver.db")};Mode=ReadOnly;Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MessageType, SentAt IS NOT NULL FROM OutboxMessages";
        var rows = new List<(string, bool)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            rows.Add((reader.GetString(0), reader.GetBoolean(1)));
        }

        return rows;
    }
}
