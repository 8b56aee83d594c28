using Telephony.MediaServer.Media;
using Telephony.MediaServer.Services;
using Telephony.Sip.Messages;

namespace Telephony.MediaServer.Tests.Services;

public sealed class MediaServiceRequestTests
{
    [Theory]
    [InlineData("sip:annc@ms.example.net;play=prompt:fr/welcome", "prompt:fr/welcome", 1, 0)]
    [InlineData("sip:annc@ms.example.net;play=prompt:fr/hold;repeat=forever", "prompt:fr/hold", SampleSource.Forever, 0)]
    [InlineData("sip:annc@ms.example.net;play=announcement:7f0c1a52-9d0e-4a43-9b7e-6a4c5c1f1a10/3e1f;repeat=3;delay=2000", "announcement:7f0c1a52-9d0e-4a43-9b7e-6a4c5c1f1a10/3e1f", 3, 2000)]
    public void Parse_AnAnnouncementUri_ReadsPlayRepeatAndDelay(string uri, string play, int repetitions, int delayMs)
    {
        var request = MediaServiceRequest.Parse(Uri(uri), out var status, out _);

        Assert.Equal(0, status);
        Assert.Equal((play, repetitions, TimeSpan.FromMilliseconds(delayMs)), (request!.Play, request.Repetitions, request.Delay));
    }

    [Fact]
    public void Parse_ACollectUri_ReadsItsLimits_WithDefaults()
    {
        var pin = MediaServiceRequest.Parse(Uri("sip:collect@ms.example.net;play=prompt:fr/enter-pin;digits=4;term=*;timeout=8000;interdigit=2000"), out _, out _)!;
        var key = MediaServiceRequest.Parse(Uri("sip:collect@ms.example.net"), out _, out _)!;

        Assert.Equal(new CollectRequest(4, '*', TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(2)), pin.Collect);
        Assert.Equal(new CollectRequest(1, '#', TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(3)), key.Collect);
        Assert.Null(key.Play);
    }

    [Theory]
    [InlineData("Signal=5\r\nDuration=160\r\n", "application/dtmf-relay", '5')]
    [InlineData("signal= #\r\n", "application/dtmf-relay", '#')]
    [InlineData("*", "application/dtmf", '*')]
    [InlineData("Signal=12\r\n", "application/dtmf-relay", null)]
    [InlineData("Duration=160\r\n", "application/dtmf-relay", null)]
    public void InfoDigit_ReadsTheKeyOfAnInfoBody(string body, string type, char? expected)
    {
        Assert.Equal(expected, Telephony.MediaServer.Sip.MediaSipCore.InfoDigit(body, type));
    }

    [Theory]
    [InlineData("sip:collect@ms.example.net;digits=33", 400)]
    [InlineData("sip:collect@ms.example.net;term=x", 400)]
    [InlineData("sip:collect@ms.example.net;timeout=0", 400)]
    [InlineData("sip:conference@ms.example.net", 404)]
    [InlineData("sip:annc@ms.example.net", 400)]
    [InlineData("sip:annc@ms.example.net;play=prompt:fr/welcome;repeat=0", 400)]
    [InlineData("sip:annc@ms.example.net;play=prompt:fr/welcome;repeat=lots", 400)]
    [InlineData("sip:annc@ms.example.net;play=prompt:fr/welcome;delay=-5", 400)]
    public void Parse_AnUnknownServiceOrBadArguments_IsRefusedWithItsStatus(string uri, int expected)
    {
        Assert.Null(MediaServiceRequest.Parse(Uri(uri), out var status, out var reason));
        Assert.Equal(expected, status);
        Assert.False(string.IsNullOrEmpty(reason));
    }

    [Fact]
    public void Parse_AConferenceUri_ReadsTheRoomAndItsTenant()
    {
        var request = MediaServiceRequest.Parse(Uri("sip:conf=Weekly-42@ms.example.net;tenant=7f0c1a52-9d0e-4a43-9b7e-6a4c5c1f1a10"), out var status, out _);

        Assert.Equal(0, status);
        Assert.Equal(MediaServiceRequest.Conference, request!.Service);
        Assert.Equal(new RoomAddress(Guid.Parse("7f0c1a52-9d0e-4a43-9b7e-6a4c5c1f1a10"), "Weekly-42"), request.Room);
    }

    [Fact]
    public void Parse_AnIvrUri_ReadsTheTenantAndTheLanguage()
    {
        var request = MediaServiceRequest.Parse(Uri("sip:ivr@ms.example.net;tenant=7f0c1a52-9d0e-4a43-9b7e-6a4c5c1f1a10;lang=en"), out var status, out _);

        Assert.Equal(0, status);
        Assert.Equal(new IvrAddress(Guid.Parse("7f0c1a52-9d0e-4a43-9b7e-6a4c5c1f1a10"), "en"), request!.Ivr);
    }

    [Theory]
    [InlineData("sip:conf=weekly@ms.example.net", "tenant")]
    [InlineData("sip:conf=weekly@ms.example.net;tenant=not-a-guid", "tenant")]
    [InlineData("sip:conf=weekly@ms.example.net;tenant=00000000-0000-0000-0000-000000000000", "tenant")]
    [InlineData("sip:conf=@ms.example.net;tenant=7f0c1a52-9d0e-4a43-9b7e-6a4c5c1f1a10", "room")]
    [InlineData("sip:conf=a%2Fb@ms.example.net;tenant=7f0c1a52-9d0e-4a43-9b7e-6a4c5c1f1a10", "room")]
    [InlineData("sip:ivr@ms.example.net;lang=fr", "tenant")]
    [InlineData("sip:ivr@ms.example.net;tenant=7f0c1a52-9d0e-4a43-9b7e-6a4c5c1f1a10", "lang")]
    [InlineData("sip:ivr@ms.example.net;tenant=7f0c1a52-9d0e-4a43-9b7e-6a4c5c1f1a10;lang=de", "lang")]
    public void Parse_ATenantServiceWithBadArguments_Is400SayingWhich(string uri, string culprit)
    {
        Assert.Null(MediaServiceRequest.Parse(Uri(uri), out var status, out var reason));

        Assert.Equal(400, status);
        Assert.Contains(culprit, reason, StringComparison.Ordinal);
    }

    private static SipUri Uri(string text) => SipUri.TryParse(text, out var uri) ? uri! : throw new ArgumentException(text);
}
