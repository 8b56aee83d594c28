using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Telephony.TestSupport;

namespace Telephony.Portal.Tests.Api;

/// <summary>One Portal on HTTP for the API tests, with two companies (each with a manager key) and an operator key.</summary>
public sealed class PortalApiFixture : IAsyncLifetime
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public PortalApiHost Host { get; private set; } = null!;

    public (Guid TenantId, string Token) Alpha { get; private set; }

    public (Guid TenantId, string Token) Beta { get; private set; }

    public string OperatorToken { get; private set; } = "";

    public async Task InitializeAsync()
    {
        Host = await PortalApiHost.StartAsync();
        await Host.AddPoolNumbersAsync("0199100000", 200);
        await Host.AddPoolNumbersAsync("0499100000", 5);
        Alpha = await Host.CreateCompanyAsync("Alpha Api", fixedPlans: 50);
        Beta = await Host.CreateCompanyAsync("Beta Api", fixedPlans: 50);
        OperatorToken = await Host.OperatorTokenAsync();
    }

    public async Task DisposeAsync() => await Host.DisposeAsync();

    public HttpClient AlphaClient() => Host.Client(Alpha.Token);

    public HttpClient BetaClient() => Host.Client(Beta.Token);

    public HttpClient OperatorClient() => Host.Client(OperatorToken);
}

[CollectionDefinition(Name)]
public sealed class PortalApiCollection : ICollectionFixture<PortalApiFixture>
{
    public const string Name = "Portal API";
}

/// <summary>Assertions on API answers.</summary>
public static class ApiAssert
{
    public static async Task<T> OkAsync<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, PortalApiFixture.Json)!;
    }

    /// <summary>An RFC 7807 answer with this status; returns the document to look into.</summary>
    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    /// <summary>The messages the problem gives for <paramref name="field"/>.</summary>
    public static IReadOnlyList<string> FieldErrors(JsonElement problem, string field) =>
        problem.TryGetProperty("errors", out var errors) && errors.TryGetProperty(field, out var messages)
            ? messages.EnumerateArray().Select(m => m.GetString()!).ToList()
            : [];

    public static string Code(JsonElement problem) => problem.GetProperty("code").GetString()!;

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, object body) =>
        client.PostAsJsonAsync(path, body, PortalApiFixture.Json);

    public static Task<HttpResponseMessage> PatchJsonAsync(this HttpClient client, string path, object body) =>
        client.PatchAsJsonAsync(path, body, PortalApiFixture.Json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, object body) =>
        client.PutAsJsonAsync(path, body, PortalApiFixture.Json);
}
