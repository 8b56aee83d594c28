using Microsoft.AspNetCore.Http;
using Telephony.ServiceDefaults.Tenancy;

namespace Telephony.Portal.Features.SignIn;

/// <summary>The tenant (and the actor) of an HTTP request come from the authenticated principal, never from the route or body.</summary>
internal sealed class TenantFromPrincipalMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context, TenantContext tenant, Actor actor)
    {
        actor.Become(Actor.From(context.User));
        if (Guid.TryParse(context.User.FindFirst(PortalClaims.TenantId)?.Value, out var tenantId))
        {
            using (tenant.Enter(tenantId))
            {
                await next(context);
            }

            return;
        }

        await next(context);
    }
}
