namespace Telephony.Portal.Domain;

public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,

    /// <summary>The signed-in person may not change this (a user trying a manager-only setting).</summary>
    Forbidden,

    /// <summary>Another service this needs (the media server) does not answer: try again later.</summary>
    Unavailable,
}

/// <summary>What is wrong with one field of a request, for display next to that field.</summary>
public sealed record FieldError(string Field, string Message);

/// <summary>
/// An expected failure: what went wrong, in words a manager understands, and the field it
/// belongs to (for display next to the field and in the problem details' <c>errors</c>).
/// A request with several invalid fields carries them all in <see cref="Fields"/>.
/// </summary>
public sealed record Error(ErrorKind Kind, string Code, string Message, string? Field = null)
{
    public IReadOnlyList<FieldError> Fields { get; init; } = Field is null ? [] : [new FieldError(Field, Message)];

    public static Error Validation(string code, string message, string? field = null) => new(ErrorKind.Validation, code, message, field);

    /// <summary>Several invalid fields at once (request validation).</summary>
    public static Error Invalid(IReadOnlyList<FieldError> fields) =>
        new(ErrorKind.Validation, "request.invalid", fields.Count == 1 ? fields[0].Message : "Some fields are invalid.", fields[0].Field) { Fields = fields };

    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static Error Conflict(string code, string message, string? field = null) => new(ErrorKind.Conflict, code, message, field);

    public static Error Forbidden(string code, string message, string? field = null) => new(ErrorKind.Forbidden, code, message, field);

    public static Error Unavailable(string code, string message, string? field = null) => new(ErrorKind.Unavailable, code, message, field);

    /// <summary>The messages about <paramref name="field"/>, for a form.</summary>
    public IEnumerable<string> MessagesFor(string field) =>
        Fields.Where(f => string.Equals(f.Field, field, StringComparison.OrdinalIgnoreCase)).Select(f => f.Message);
}

/// <summary>Either a value or an <see cref="Error"/>; expected failures never throw.</summary>
public readonly record struct Result<T>
{
    private Result(T? value, Error? error)
    {
        Value = value;
        Error = error;
    }

    public T? Value { get; }

    public Error? Error { get; }

    public bool Succeeded => Error is null;

    public static implicit operator Result<T>(T value) => new(value, null);

    public static implicit operator Result<T>(Error error) => new(default, error);
}

public static class Result
{
    /// <summary>For values whose static type is an interface (C# converts nothing implicitly from one).</summary>
    public static Result<T> Success<T>(T value) => value;
}
