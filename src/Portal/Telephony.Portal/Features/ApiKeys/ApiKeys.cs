using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Telephony.Portal.Domain;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Infrastructure.Persistence;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.ApiKeys;

public sealed record IssueApiKeyRequest(string? Name);

public sealed class IssueApiKeyValidator : AbstractValidator<IssueApiKeyRequest>
{
    public IssueApiKeyValidator() =>
        RuleFor(r => r.Name).NotEmpty().WithMessage("Name the key after what uses it (at most 100 characters).")
            .MaximumLength(100).WithMessage("Name the key after what uses it (at most 100 characters).");
}

public sealed record ApiKeyItem(Guid Id, string Name, DateTime CreatedAt, DateTime? RevokedAt);

/// <summary>A key just issued: the token is shown this once.</summary>
public sealed record IssuedApiKey(Guid Id, string Name, DateTime CreatedAt, string Token);

/// <summary>
/// A-API: API keys. A company's keys are managed by its managers and act as a manager of the
/// company; platform keys are managed by the operator. Revoking is immediate.
/// </summary>
public sealed class ApiKeys(PortalDbContext db, TenantContext tenantContext, TimeProvider time)
{
    private static readonly IssueApiKeyValidator Validator = new();
    private static readonly Error NotFound = Error.NotFound("api-key.not-found", "This API key does not exist.");

    public async Task<Result<IssuedApiKey>> IssueAsync(IssueApiKeyRequest request, CancellationToken cancellationToken)
    {
        if (Validator.Check(request) is { } invalid)
        {
            return invalid;
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (tenantContext.TenantId is { } tenantId)
        {
            var (key, token) = ManagerApiKey.Issue(tenantId, request.Name!, now);
            db.ManagerApiKeys.Add(key);
            await db.SaveChangesAsync(cancellationToken);
            return new IssuedApiKey(key.Id, key.Name, key.CreatedAt, token);
        }
        else
        {
            var (key, token) = OperatorApiKey.Issue(request.Name!, now);
            db.OperatorApiKeys.Add(key);
            await db.SaveChangesAsync(cancellationToken);
            return new IssuedApiKey(key.Id, key.Name, key.CreatedAt, token);
        }
    }

    public async Task<IReadOnlyList<ApiKeyItem>> ListAsync(CancellationToken cancellationToken) =>
        tenantContext.TenantId is null
            ? await db.OperatorApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).Select(k => new ApiKeyItem(k.Id, k.Name, k.CreatedAt, k.RevokedAt)).ToListAsync(cancellationToken)
            : await db.ManagerApiKeys.AsNoTracking().OrderBy(k => k.CreatedAt).Select(k => new ApiKeyItem(k.Id, k.Name, k.CreatedAt, k.RevokedAt)).ToListAsync(cancellationToken);

    public async Task<Error?> RevokeAsync(Guid keyId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (tenantContext.TenantId is null)
        {
            var key = await db.OperatorApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
            if (key is null)
            {
                return NotFound;
            }

            key.Revoke(now);
        }
        else
        {
            var key = await db.ManagerApiKeys.SingleOrDefaultAsync(k => k.Id == keyId, cancellationToken);
            if (key is null)
            {
                return NotFound;
            }

            key.Revoke(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return null;
    }
}
