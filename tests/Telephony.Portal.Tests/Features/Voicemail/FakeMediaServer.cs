using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Telephony.Portal.Infrastructure.Media;

namespace Telephony.Portal.Tests.Features.Voicemail;

/// <summary>The media server's voicemail API as a fake HTTP handler: the paths asked, and canned answers.</summary>
internal sealed class FakeMediaServer : HttpMessageHandler
{
    public List<string> Asked { get; } = [];

    /// <summary>Answers by "METHOD path" (without query); anything else is 404.</summary>
    public Dictionary<string, Func<HttpResponseMessage>> Answers { get; } = new(StringComparer.Ordinal);

    public bool Down { get; set; }

    public MediaServerClient Client() => new(new HttpClient(this) { BaseAddress = new Uri("http://media.test/") }, NullLogger<MediaServerClient>.Instance);

    public void Json(string route, object body) =>
        Answers[route] = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, "application/json") };

    public void Audio(string route, byte[] content, string type) =>
        Answers[route] = () => new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(content) { Headers = { ContentType = new(type) } } };

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        Asked.Add(key + request.RequestUri.Query);
        if (Down)
        {
            throw new HttpRequestException("connection refused");
        }

        return Task.FromResult(Answers.TryGetValue(key, out var answer) ? answer() : new HttpResponseMessage(HttpStatusCode.NotFound));
    }
}
