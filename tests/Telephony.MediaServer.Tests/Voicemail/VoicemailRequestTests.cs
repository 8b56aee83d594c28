using Telephony.MediaServer.Services;
using Telephony.MediaServer.Voicemail;
using Telephony.Sip.Messages;

namespace Telephony.MediaServer.Tests.Voicemail;

public sealed class VoicemailRequestTests
{
    private const string Tenant = "6f1c2a9e-1111-4c0b-9a55-0f3f4f7a1c01";
    private const string Box = "0b8e6c1d-2222-4a8e-8f1b-6a2c3d4e5f60";

    private static MediaServiceRequest? Parse(string uri, out int status, out string? reason) =>
        MediaServiceRequest.Parse(SipUri.TryParse(uri, out var parsed) ? parsed! : throw new ArgumentException(uri), out status, out reason);

    [Fact]
    public void Parse_Deposit_ReadsTenantBoxEscapedNumberAndLanguage()
    {
        var request = Parse($"sip:voicemail@ms;tenant={Tenant};box={Box};number=%2B33123456201;lang=en", out _, out _);

        Assert.Equal(new VoicemailRequest(Guid.Parse(Tenant), Guid.Parse(Box), "+33123456201", "en", Retrieve: false), request?.Voicemail);
    }

    [Fact]
    public void Parse_Retrieve_NeedsNoNumberAndDefaultsToFrench()
    {
        var request = Parse($"sip:voicemail@ms;tenant={Tenant};box={Box};action=retrieve", out _, out _);

        Assert.Equal(new VoicemailRequest(Guid.Parse(Tenant), Guid.Parse(Box), null, "fr", Retrieve: true), request?.Voicemail);
    }

    [Theory]
    [InlineData($"sip:voicemail@ms;box={Box};number=201", "tenant and box")]
    [InlineData($"sip:voicemail@ms;tenant=../../etc;box={Box};number=201", "tenant and box")]
    [InlineData($"sip:voicemail@ms;tenant={Tenant};box=00000000-0000-0000-0000-000000000000;number=201", "tenant and box")]
    [InlineData($"sip:voicemail@ms;tenant={Tenant};box={Box}", "number is required")]
    [InlineData($"sip:voicemail@ms;tenant={Tenant};box={Box};number=20a1", "number is a phone number")]
    [InlineData($"sip:voicemail@ms;tenant={Tenant};box={Box};number=201;lang=de", "lang is fr or en")]
    [InlineData($"sip:voicemail@ms;tenant={Tenant};box={Box};action=forward", "action is retrieve")]
    public void Parse_BadArguments_Are400WithTheReason(string uri, string reason)
    {
        Assert.Null(Parse(uri, out var status, out var refusal));

        Assert.Equal(400, status);
        Assert.Contains(reason, refusal, StringComparison.Ordinal);
    }
}
