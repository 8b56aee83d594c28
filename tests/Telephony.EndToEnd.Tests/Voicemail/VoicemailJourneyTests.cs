using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Telephony.EndToEnd.Tests.Embedded;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.Voicemail;

/// <summary>
/// A voicemail deposit through the whole platform (V-BOX, V-MWI, V-EMAIL): Bruno's desk phone is
/// busy, so Alice's call (a real softphone speaking a tone) is forwarded to his box on the media
/// server; the message is in the API with the duration Alice spoke, Bruno's subscribed phone is
/// told a message waits, and Bruno gets the e-mail with the audio attached.
/// </summary>
public sealed class VoicemailJourneyTests : IAsyncLifetime
{
    private const string BrunosEmail = "bruno.voicemail@demo.example.com";
    private readonly string _dataFolder = Directory.CreateTempSubdirectory("telephony-voicemail").FullName;
    private SmtpSink _mail = null!;
    private EmbeddedHost _host = null!;

    public async Task InitializeAsync()
    {
        _mail = await SmtpSink.StartAsync();
        _host = EmbeddedHost.Start(_dataFolder, FreePorts.Take(5), new Dictionary<string, string>
        {
            ["Mail__SmtpHost"] = "127.0.0.1",
            ["Mail__SmtpPort"] = _mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Mail__PollInterval"] = "00:00:00.500",
        });
        await _host.WaitUntilReadyAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _mail.DisposeAsync();
        Directory.Delete(_dataFolder, recursive: true);
    }

    [Fact]
    public async Task BusyLine_CallerLeavesAMessage_ItIsInTheApi_ThePhoneIsToldAndTheOwnerMailedWithTheAudio()
    {
        var accounts = await _host.SipAccountsAsync();
        var alice = accounts.Single(a => a.Short == "201");
        var bruno = accounts.Single(a => a.Short == "202");
        using var api = await _host.ApiClientAsync();
        var brunosLine = await LineIdAsync(api, "202");
        var notification = await api.PutAsJsonAsync($"lines/{brunosLine}/services/voicemail-notification", new { mode = "NotifyWithAudio", email = BrunosEmail, audioFormat = "Wav" });
        Assert.True(notification.IsSuccessStatusCode, await notification.Content.ReadAsStringAsync());

        // Bruno's desk phone answers busy; his softphone subscribes to the message summary.
        var deskPort = FreePorts.Take(1)[0];
        using (var desk = new SipTestPhone(new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, _host.SipPort)))
        {
            Assert.Equal(200, (await desk.RegisterAsync(bruno.User, bruno.Password, bruno.Domain, contact: $"<sip:{bruno.User}@127.0.0.1:{deskPort}>")).StatusCode);
        }

        var busyDesk = Sipp.RunAsync("uas-busy-486.xml", _host.SipPort, deskPort, "-s", bruno.User);
        var subscriber = Sipp.RunAsync("uac-subscribe-mwi-expect-waiting.xml", _host.SipPort,
            "-s", bruno.User, "-au", bruno.User, "-ap", bruno.Password, "-set", "domain", bruno.Domain);

        // Alice speaks (a tone) for as long as she stays on the line.
        var tone = Wav.Tone(Path.Combine(_dataFolder, "speech.wav"), seconds: 60, silenceAfter: 0, frequency: 700);
        await using (var phone = Baresip.Start(alice.User, alice.Password, alice.Domain, _host.SipPort, tone, autoAnswer: false))
        {
            await Eventually.TrueAsync(() => Task.FromResult(phone.Output.Contains("200 OK", StringComparison.Ordinal) || phone.Output.Contains("registered", StringComparison.OrdinalIgnoreCase)),
                TimeSpan.FromSeconds(15), "Alice's softphone to register:\n" + phone.Output);
            await phone.CommandAsync("dial", $"sip:202@{alice.Domain}");
            await Eventually.TrueAsync(() => Task.FromResult(phone.Output.Contains("established", StringComparison.OrdinalIgnoreCase)),
                TimeSpan.FromSeconds(20), "the voicemail to answer:\n" + phone.Output + "\n" + string.Join('\n', _host.Process.Output));
            var answered = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(GreetingSeconds() + 6));
            await phone.CommandAsync("hangup");
            answered.Stop();
            var spoken = answered.Elapsed.TotalSeconds - GreetingSeconds();

            Assert.True((await busyDesk.WaitAsync(TimeSpan.FromSeconds(30))).ExitCode == 0);

            // V-MWI: the subscribed phone hears of the new message.
            var told = await subscriber.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.True(told.ExitCode == 0, told.Log + "\n" + string.Join('\n', _host.Process.Output.TakeLast(80)));
            Assert.Contains("Voice-Message: 1/0", told.Log, StringComparison.Ordinal);

            // The API lists it with the time Alice spoke, and serves its audio.
            using var box = await Eventually.GetAsync(async () =>
            {
                var document = JsonDocument.Parse(await api.GetStringAsync($"lines/{brunosLine}/voicemail"));
                return document.RootElement.GetProperty("messages").GetArrayLength() > 0 ? document : null;
            }, TimeSpan.FromSeconds(20), "the message in the API");
            var message = box.RootElement.GetProperty("messages")[0];
            Assert.Equal(1, box.RootElement.GetProperty("newMessages").GetInt32());
            var duration = message.GetProperty("durationSeconds").GetDouble();
            Assert.InRange(duration, spoken - 1.5, spoken + 1.5);
            Assert.Equal("New", message.GetProperty("state").GetString());
            Assert.Equal(alice.Number, message.GetProperty("callerNumber").GetString());

            var audioPath = Path.Combine(_dataFolder, "message.wav");
            await File.WriteAllBytesAsync(audioPath, await api.GetByteArrayAsync($"lines/{brunosLine}/voicemail/messages/{message.GetProperty("id").GetString()}/audio"));
            var recorded = Wav.Read(audioPath);
            Assert.InRange(recorded.ActiveSeconds(), duration - 1.5, duration + 0.5);
            Assert.InRange(recorded.ActiveRms(), Wav.Read(tone).ActiveRms() * 0.6, Wav.Read(tone).ActiveRms() * 1.4);

            // V-EMAIL: the mail with the WAV attached.
            var mail = await _mail.WaitForAsync(BrunosEmail, "Nouveau message vocal", timeout: TimeSpan.FromSeconds(30));
            var attachment = Assert.Single(mail.Attachments!);
            Assert.Equal("audio/wav", attachment.ContentType);
            Assert.InRange(Wav.Read(attachment.Path).ActiveSeconds(), duration - 1.5, duration + 0.5);
        }
    }

    /// <summary>The standard greeting's length (V-BOX): "you have reached", Bruno's number digit by digit, "leave a message", the beep.</summary>
    private static double GreetingSeconds()
    {
        var prompts = Path.Combine(TestEnvironment.RepositoryRoot, "src/MediaServer/Telephony.MediaServer/Audio/Prompts/fr");
        IEnumerable<string> names = ["you-have-reached", .. "0199000001".Select(d => d.ToString()), "leave-message", "beep"];
        return names.Sum(name => Wav.Read(Path.Combine(prompts, name + ".wav")).Samples.Length / 8000.0);
    }

    private static async Task<string> LineIdAsync(HttpClient api, string shortNumber)
    {
        using var page = JsonDocument.Parse(await api.GetStringAsync($"lines?search={shortNumber}"));
        return page.RootElement.GetProperty("items").EnumerateArray()
            .Single(l => l.GetProperty("shortNumber").GetString() == shortNumber)
            .GetProperty("id").GetString()!;
    }
}
