using System.Globalization;
using Telephony.TestSupport;

namespace Telephony.EndToEnd.Tests.MediaServer;

/// <summary>
/// A conference room of the media server (RFC 4240 <c>conf=</c>) with three real softphones,
/// each playing its own tone: each one hears the two others and not itself (N-minus-one mixing).
/// </summary>
public sealed partial class MediaServiceTests
{
    private static readonly int[] Tones = [400, 1000, 2500];

    [Fact]
    public async Task ThreePartiesInOneRoom_EachHearsTheTwoOthers_AndNotItself()
    {
        var room = $"sip:conf=e2e-{Guid.NewGuid():N}@127.0.0.1:{_media.SipPort.ToString(CultureInfo.InvariantCulture)};tenant={Guid.NewGuid()}";
        var phones = new List<Baresip>();
        try
        {
            foreach (var tone in Tones)
            {
                var wav = Wav.Tone(Path.Combine(_audioFolder, $"{tone}.wav"), seconds: 30, silenceAfter: 0, frequency: tone);
                var phone = Baresip.StartUnregistered(wav);
                phones.Add(phone);
                await phone.CommandAsync("dial", room);
            }

            await Eventually.TrueAsync(
                () => Task.FromResult(phones.All(p => p.Recording("-dec") is not null)),
                TimeSpan.FromSeconds(20),
                "the three calls answered:\n" + string.Join("\n----\n", phones.Select(p => p.Output)) + "\n" + string.Join('\n', _media.Process.Output));
            // Three seconds of all three talking at once.
            await Task.Delay(TimeSpan.FromSeconds(3));
            foreach (var phone in phones)
            {
                await phone.CommandAsync("hangup");
            }

            for (var i = 0; i < phones.Count; i++)
            {
                var phone = phones[i];
                var heard = await Eventually.GetAsync(
                    () => Task.FromResult(Wav.Read(phone.Recording("-dec")!) is { Samples.Length: > 8000 } wav ? wav : null),
                    TimeSpan.FromSeconds(10),
                    $"the recording of the {Tones[i]} Hz phone");
                var own = heard.Power(Tones[i]);
                var others = Tones.Where((_, j) => j != i).Select(heard.Power).ToList();
                var report = $"{Tones[i]} Hz phone hears " + string.Join(", ", Tones.Select(t => $"{t} Hz: {heard.Power(t):0.000}"));
                Assert.All(others, power => Assert.True(power > 20 * own, report));
                Assert.All(others, power => Assert.True(power > 0.5, report));
            }
        }
        finally
        {
            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task SeventhParty_IsRefusedBusy_WhileTheSameRoomNameOfAnotherTenantAnswers()
    {
        var server = new System.Net.IPEndPoint(System.Net.IPAddress.Loopback, _media.SipPort);
        var room = $"sip:conf=full@127.0.0.1:{_media.SipPort.ToString(CultureInfo.InvariantCulture)}";
        var tenant = Guid.NewGuid();
        var phones = Enumerable.Range(0, 8).Select(_ => new SipTestPhone(server)).ToList();
        try
        {
            for (var i = 0; i < 6; i++)
            {
                Assert.Equal(200, (await phones[i].SendAsync(phones[i].Invite($"{room};tenant={tenant}"))).StatusCode);
            }

            var seventh = await phones[6].SendAsync(phones[6].Invite($"{room};tenant={tenant}"));
            var otherTenant = await phones[7].SendAsync(phones[7].Invite($"{room};tenant={Guid.NewGuid()}"));

            Assert.Equal((486, "Busy Here: the conference room is full (6 parties)"), (seventh.StatusCode, seventh.ReasonPhrase));
            Assert.Equal(200, otherTenant.StatusCode);
        }
        finally
        {
            phones.ForEach(p => p.Dispose());
        }
    }
}
