using System.Text;
using Telephony.MediaServer.Ivr;
using Telephony.MediaServer.Services;
using Telephony.Sip.Messages;

namespace Telephony.MediaServer.Tests.Services;

/// <summary>What an IVR INVITE must carry before it is answered: the menu part, a menu of its tenant, audio that exists.</summary>
public sealed class IvrCallTests
{
    private static readonly Guid Tenant = Guid.Parse("7f0c1a52-9d0e-4a43-9b7e-6a4c5c1f1a10");
    private const string Sdp = "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 4000 RTP/AVP 0\r\n";
    private const string Menu = """{ "announcement": "prompt:en/main-menu", "keys": { "2": { "menu": { "announcement": "prompt:en/settings-menu", "keys": { "1": { "number": "201" } } } } } }""";

    [Fact]
    public async Task PrepareAsync_AWellFormedInvite_LoadsEveryAnnouncementAndTheGoodbye()
    {
        var library = new FakeLibrary("prompt:en/main-menu", "prompt:en/settings-menu", "prompt:en/goodbye");

        var (plan, status, _) = await IvrCall.PrepareAsync(Invite(Menu), new IvrAddress(Tenant, "en"), library, CancellationToken.None);

        Assert.Equal(0, status);
        Assert.Equal("prompt:en/goodbye", plan!.Goodbye);
        Assert.Equal(["prompt:en/goodbye", "prompt:en/main-menu", "prompt:en/settings-menu"], plan.Audio.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task PrepareAsync_AMalformedMultipartBody_Is400()
    {
        var request = Invite(Menu);
        request.Headers.Set(SipHeaderNames.ContentType, "multipart/mixed;boundary=b");
        request.Body = Encoding.ASCII.GetBytes("--b\r\nContent-Type: application/sdp\r\n\r\nv=0\r\n");

        var (plan, status, reason) = await IvrCall.PrepareAsync(request, new IvrAddress(Tenant, "en"), new FakeLibrary(), CancellationToken.None);

        Assert.Null(plan);
        Assert.Equal(400, status);
        Assert.Contains("no closing boundary", reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_ABodyWithoutTheMenuPart_Is400()
    {
        var request = new SipRequest(SipMethod.Invite, SipUri.Create("ivr", "ms.example"));
        request.Headers.Add(SipHeaderNames.ContentType, "application/sdp");
        request.Body = Encoding.ASCII.GetBytes(Sdp);

        var (_, status, reason) = await IvrCall.PrepareAsync(request, new IvrAddress(Tenant, "en"), new FakeLibrary(), CancellationToken.None);

        Assert.Equal(400, status);
        Assert.Contains(IvrMenuDocument.MediaType, reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PrepareAsync_AnotherTenantsAnnouncement_Is403()
    {
        var menu = """{ "announcement": "announcement:0b5f2a4e-5a1d-4f57-9a3e-0d6c8e1f2a01/3e1f6b0a-8c1d-4e7f-9a2b-5c6d7e8f9a0b", "keys": {} }""";

        var (_, status, _) = await IvrCall.PrepareAsync(Invite(menu), new IvrAddress(Tenant, "en"), new FakeLibrary(), CancellationToken.None);

        Assert.Equal(403, status);
    }

    [Fact]
    public async Task PrepareAsync_AnAnnouncementThatDoesNotExist_Is404()
    {
        var library = new FakeLibrary("prompt:en/main-menu", "prompt:en/goodbye");

        var (_, status, reason) = await IvrCall.PrepareAsync(Invite(Menu), new IvrAddress(Tenant, "en"), library, CancellationToken.None);

        Assert.Equal((404, "Not Found: no such audio prompt:en/settings-menu"), (status, reason));
    }

    private static SipRequest Invite(string menu)
    {
        var request = new SipRequest(SipMethod.Invite, SipUri.Create("ivr", "ms.example"));
        var boundary = MultipartBody.NewBoundary();
        request.Headers.Add(SipHeaderNames.ContentType, MultipartBody.MixedContentType(boundary));
        request.Body = MultipartBody.Write([new BodyPart("application/sdp", Encoding.ASCII.GetBytes(Sdp)), new BodyPart(IvrMenuDocument.MediaType, Encoding.UTF8.GetBytes(menu))], boundary);
        return request;
    }

    private sealed class FakeLibrary(params string[] names) : IAudioLibrary
    {
        public ValueTask<short[]?> LoadAsync(string name, CancellationToken cancellationToken) =>
            ValueTask.FromResult(names.Contains(name) ? new short[160] : null);
    }
}
