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

    [Theory]
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

    private static SipUri Uri(string text) => SipUri.TryParse(text, out var uri) ? uri! : throw new ArgumentException(text);
}
