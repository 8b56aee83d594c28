using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Telephony.Portal.Features.SignIn;

/// <summary>
/// A-ROLES: form posts that test credentials or send mail (sign-in, forgot password, set
/// password) are limited per client address, on top of the per-account lockout, so guessing
/// many accounts' passwords from one address is slow too. Everything else is unlimited.
/// </summary>
internal static class CredentialRateLimit
{
    private static readonly string[] Paths = ["/sign-in", "/forgot-password", "/set-password"];

    public static IServiceCollection AddCredentialRateLimit(this IServiceCollection services) =>
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (context, cancellationToken) =>
            {
                context.HttpContext.Response.ContentType = "text/plain; charset=utf-8";
                await context.HttpContext.Response.WriteAsync("Too many attempts from your address. Wait a minute and try again.", cancellationToken);
            };
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(context =>
            {
                if (!HttpMethods.IsPost(context.Request.Method) || !Paths.Any(p => context.Request.Path.Equals(p, StringComparison.OrdinalIgnoreCase)))
                {
                    return RateLimitPartition.GetNoLimiter("unlimited");
                }

                var limit = context.RequestServices.GetRequiredService<IOptions<PortalOptions>>().Value.CredentialPostsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
}
