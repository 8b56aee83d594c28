using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Telephony.TestSupport;

namespace Telephony.Portal.Tests.Api;

/// <summary>
/// A-API: the OpenAPI document is served, describes every /api/v1 route with its API-key
/// security, and the copy in docs/api/openapi.json is that document (regenerate it with
/// TELEPHONY_UPDATE_OPENAPI=1 when the API changes, in the same commit).
/// </summary>
[Collection(PortalApiCollection.Name)]
public sealed class OpenApiDocumentTests(PortalApiFixture api)
{
    private static readonly string CommittedCopy = Path.Combine(TestEnvironment.RepositoryRoot, "docs", "api", "openapi.json");

    [Fact]
    public async Task Document_DescribesEveryApiRoute()
    {
        var document = await FetchAsync();

        var described = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name}"))
            .ToHashSet();
        var mapped = api.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => $"{m} {Template(e.RoutePattern.RawText!)}"))
            .ToHashSet();
        Assert.NotEmpty(mapped);
        Assert.Equal(mapped.Order(), described.Order());
        Assert.Equal("bearer", document.GetProperty("components").GetProperty("securitySchemes").GetProperty("ApiKey").GetProperty("scheme").GetString());
    }

    [Fact]
    public async Task CommittedCopy_IsTheServedDocument()
    {
        using var client = api.Host.Client();
        var served = await client.GetStringAsync("/openapi/v1.json");
        if (Environment.GetEnvironmentVariable("TELEPHONY_UPDATE_OPENAPI") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(CommittedCopy)!);
            await File.WriteAllTextAsync(CommittedCopy, Normalise(served) + "\n");
        }

        Assert.True(File.Exists(CommittedCopy), $"{CommittedCopy} is missing: run the tests with TELEPHONY_UPDATE_OPENAPI=1");
        Assert.Equal(Normalise(served), Normalise(await File.ReadAllTextAsync(CommittedCopy)));
    }

    private async Task<JsonElement> FetchAsync()
    {
        using var client = api.Host.Client();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    /// <summary>"/api/v1/sites/{siteId:guid}" → "/api/v1/sites/{siteId}", as OpenAPI writes paths.</summary>
    private static string Template(string raw) => System.Text.RegularExpressions.Regex.Replace(raw, @"\{(\w+):[^}]+\}", "{$1}").TrimEnd('/');

    /// <summary>The document with its server address (the test host's port) left out.</summary>
    private static string Normalise(string json)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(json)!.AsObject();
        node.Remove("servers");
        return node.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }
}
