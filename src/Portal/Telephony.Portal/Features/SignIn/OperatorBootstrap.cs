using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Telephony.Portal.Domain.Accounts;
using Telephony.Portal.Features.Tenants;
using Telephony.Portal.Infrastructure.Persistence;

namespace Telephony.Portal.Features.SignIn;

public enum OperatorBootstrapOutcome
{
    /// <summary><see cref="PortalOptions.OperatorEmail"/> is not set.</summary>
    NotConfigured,

    /// <summary>An operator account exists already (this one or another): nothing to do.</summary>
    OperatorExists,

    /// <summary>The address is a company account's login, which is unique platform-wide (A-EMAIL).</summary>
    LoginTaken,

    /// <summary>The account was created and its invitation queued.</summary>
    Invited,
}

/// <summary>
/// T-OPERATOR, A-ROLES: the platform's first operator. Nothing else creates an operator
/// account, so when <see cref="PortalOptions.OperatorEmail"/> is set and there is no operator
/// yet, the account is created with its invitation e-mail in the same save, like a company's
/// first manager. Once an operator exists the option no longer creates anything; an operator
/// whose invitation expired uses "Forgot your password?".
/// </summary>
public sealed class OperatorBootstrap(PortalDbContext db, AccountMail mail, TimeProvider time)
{
    public async Task<OperatorBootstrapOutcome> EnsureAsync(string? email, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return OperatorBootstrapOutcome.NotConfigured;
        }

        if (await db.OperatorAccounts.AnyAsync(cancellationToken))
        {
            return OperatorBootstrapOutcome.OperatorExists;
        }

        var login = email.Trim().ToLowerInvariant();
        if (await LoginEmails.IsTakenAsync(db, login, cancellationToken))
        {
            return OperatorBootstrapOutcome.LoginTaken;
        }

        var account = OperatorAccount.Create(login, "Operator", time.GetUtcNow().UtcDateTime);
        db.OperatorAccounts.Add(account);
        mail.StageOperatorInvitation(account);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Replicas starting together: the unique login index let one of them create it.
            db.ChangeTracker.Clear();
            if (await db.OperatorAccounts.AnyAsync(a => a.Email == login, cancellationToken))
            {
                return OperatorBootstrapOutcome.OperatorExists;
            }

            throw;
        }

        return OperatorBootstrapOutcome.Invited;
    }
}

/// <summary>Runs <see cref="OperatorBootstrap"/> once at start, after the migrations.</summary>
internal sealed partial class OperatorBootstrapService(IServiceScopeFactory scopes, IOptions<PortalOptions> options, ILogger<OperatorBootstrapService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(options.Value.OperatorEmail))
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<OperatorBootstrap>().EnsureAsync(options.Value.OperatorEmail, cancellationToken);
        switch (outcome)
        {
            case OperatorBootstrapOutcome.Invited:
                LogInvited(logger);
                break;
            case OperatorBootstrapOutcome.LoginTaken:
                LogLoginTaken(logger);
                break;
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Operator account created from Portal:OperatorEmail; its invitation e-mail is queued")]
    private static partial void LogInvited(ILogger logger);

    [LoggerMessage(EventId = 4302, Level = LogLevel.Warning, Message = "No operator account created: Portal:OperatorEmail is already the login of a company account")]
    private static partial void LogLoginTaken(ILogger logger);
}
