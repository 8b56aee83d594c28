using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Telephony.Portal.Domain;

namespace Telephony.Portal.Infrastructure.Api;

/// <summary>
/// The one place expected failures become HTTP: RFC 7807 problem details with the error's
/// code, its message as <c>detail</c>, and <c>errors</c> keyed by the request's JSON field
/// names (validation 400, missing 404, conflict 409, another service down 503).
/// </summary>
public static class ApiProblems
{
    /// <param name="detail">The message as shown (the page's scripts show it in the UI's language); the error's own by default.</param>
    public static ProblemHttpResult ToProblem(this Error error, string? detail = null)
    {
        var (status, title) = error.Kind switch
        {
            ErrorKind.NotFound => (StatusCodes.Status404NotFound, "Not found"),
            ErrorKind.Conflict => (StatusCodes.Status409Conflict, "Conflict"),
            ErrorKind.Forbidden => (StatusCodes.Status403Forbidden, "Forbidden"),
            ErrorKind.Unavailable => (StatusCodes.Status503ServiceUnavailable, "Service unavailable"),
            _ => (StatusCodes.Status400BadRequest, "Invalid request"),
        };

        var extensions = new Dictionary<string, object?> { ["code"] = error.Code };
        if (error.Fields.Count > 0)
        {
            extensions["errors"] = error.Fields
                .GroupBy(f => JsonField(f.Field))
                .ToDictionary(g => g.Key, g => g.Select(f => f.Message).ToArray());
        }

        return TypedResults.Problem(detail: detail ?? error.Message, statusCode: status, title: title, type: TypeFor(status), extensions: extensions);
    }

    /// <summary>A request that could not be read at all (malformed JSON, a wrong type), as a 400 naming the field when known.</summary>
    public static ProblemHttpResult Unreadable(BadHttpRequestException exception)
    {
        var json = exception.InnerException as JsonException;
        var field = json?.Path is { Length: > 2 } path ? path.TrimStart('$', '.') : null;
        var message = json is null ? exception.Message : field is null ? "The request body is not valid JSON." : $"The value of '{field}' has the wrong type or format.";
        var error = field is null
            ? Error.Validation("request.unreadable", message)
            : Error.Validation("request.unreadable", message, field);
        return error.ToProblem();
    }

    /// <summary>"Identity.ShortNumber" → "identity.shortNumber", "Numbers[2]" → "numbers[2]".</summary>
    public static string JsonField(string field) =>
        string.Join('.', field.Split('.').Select(JsonNamingPolicy.CamelCase.ConvertName));

    private static string TypeFor(int status) => status switch
    {
        StatusCodes.Status404NotFound => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.5",
        StatusCodes.Status409Conflict => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.10",
        StatusCodes.Status403Forbidden => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.4",
        StatusCodes.Status503ServiceUnavailable => "https://www.rfc-editor.org/rfc/rfc9110#section-15.6.4",
        _ => "https://www.rfc-editor.org/rfc/rfc9110#section-15.5.1",
    };
}

/// <summary>Use-case results as typed HTTP results (which also describe the endpoint in the OpenAPI document).</summary>
public static class ApiResults
{
    public static Results<Ok<T>, ProblemHttpResult> ToOk<T>(this Result<T> result) =>
        result.Succeeded ? TypedResults.Ok(result.Value!) : result.Error!.ToProblem();

    public static Results<Created<T>, ProblemHttpResult> ToCreated<T>(this Result<T> result, Func<T, string> location) =>
        result.Succeeded ? TypedResults.Created(location(result.Value!), result.Value!) : result.Error!.ToProblem();

    public static Results<NoContent, ProblemHttpResult> ToNoContent(this Error? error) =>
        error is null ? TypedResults.NoContent() : error.ToProblem();
}
