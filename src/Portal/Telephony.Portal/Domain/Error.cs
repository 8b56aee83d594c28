namespace Telephony.Portal.Domain;

public enum ErrorKind
{
    Validation,
    NotFound,
    Conflict,
}

/// <summary>
/// An expected failure: what went wrong, in words a manager understands, and the field it
/// belongs to (for display next to the field and in the problem details' <c>errors</c>).
/// </summary>
public sealed record Error(ErrorKind Kind, string Code, string Message, string? Field = null)
{
    public static Error Validation(string code, string message, string? field = null) => new(ErrorKind.Validation, code, message, field);

    public static Error NotFound(string code, string message) => new(ErrorKind.NotFound, code, message);

    public static Error Conflict(string code, string message, string? field = null) => new(ErrorKind.Conflict, code, message, field);
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
