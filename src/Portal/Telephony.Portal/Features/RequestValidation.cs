using FluentValidation;
using FluentValidation.Results;
using Telephony.Portal.Domain;

namespace Telephony.Portal.Features;

/// <summary>
/// Requests are validated with FluentValidation inside their use case, so pages and the API
/// get the same messages, all fields at once. The rules themselves are the domain's
/// (<see cref="Satisfies{T,TProperty}"/> reports a domain check's message), so a limit is
/// written once.
/// </summary>
public static class RequestValidation
{
    public static Error? Check<T>(this IValidator<T> validator, T request)
    {
        var result = validator.Validate(request);
        return result.IsValid
            ? null
            : Error.Invalid(result.Errors.Select(f => new FieldError(f.PropertyName, f.ErrorMessage)).ToList());
    }

    /// <summary>Fails the property with the domain's own message when <paramref name="check"/> returns an error.</summary>
    public static IRuleBuilderOptionsConditions<T, TProperty> Satisfies<T, TProperty>(this IRuleBuilder<T, TProperty> rule, Func<TProperty, Error?> check) =>
        rule.Custom((value, context) =>
        {
            if (check(value) is { } error)
            {
                context.AddFailure(new ValidationFailure(context.PropertyPath, error.Message) { ErrorCode = error.Code });
            }
        });
}

/// <summary>Which page of a list to show; at most 100 items a page.</summary>
public sealed record PageRequest(int Page = 1, int PageSize = PageRequest.DefaultSize)
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static PageRequest Of(int? page, int? pageSize) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? DefaultSize, 1, MaxSize));

    public int Skip => (Page - 1) * PageSize;
}

/// <summary>One page of a list, with the total to draw the pager.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total)
{
    public int PageCount => Math.Max(1, (Total + PageSize - 1) / PageSize);
}
