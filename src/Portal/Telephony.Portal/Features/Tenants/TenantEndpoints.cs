using Microsoft.AspNetCore.Http.HttpResults;
using Telephony.Portal.Domain;
using Telephony.Portal.Infrastructure.Api;

namespace Telephony.Portal.Features.Tenants;

internal static class TenantEndpoints
{
    public static void MapTenantEndpoints(this RouteGroupBuilder operatorApi)
    {
        var tenants = operatorApi.MapGroup("/tenants").WithTags("Operator: companies");
        tenants.MapGet("", async (OperatorTenants operatorTenants, string? search, int? page, int? pageSize, CancellationToken cancellationToken) =>
            TypedResults.Ok(await operatorTenants.ListAsync(search, PageRequest.Of(page, pageSize), cancellationToken))).WithName("ListTenants");
        tenants.MapPost("", CreateAsync).WithName("CreateTenant").WithSummary("Create a company with its subscription and first manager (T-OPERATOR).");
        tenants.MapGet("/{tenantId:guid}", async (OperatorTenants operatorTenants, Guid tenantId, CancellationToken cancellationToken) =>
            (await operatorTenants.GetAsync(tenantId, cancellationToken)).ToOk()).WithName("GetTenant");
        tenants.MapPost("/{tenantId:guid}/suspend", async (OperatorTenants operatorTenants, Guid tenantId, CancellationToken cancellationToken) =>
            (await operatorTenants.SuspendAsync(tenantId, cancellationToken)).ToOk()).WithName("SuspendTenant")
            .WithSummary("Suspend a company: its phones, calls and logins are refused; its data is kept (T-SUSPEND).");
        tenants.MapPost("/{tenantId:guid}/reactivate", async (OperatorTenants operatorTenants, Guid tenantId, CancellationToken cancellationToken) =>
            (await operatorTenants.ReactivateAsync(tenantId, cancellationToken)).ToOk()).WithName("ReactivateTenant");
        tenants.MapPut("/{tenantId:guid}/subscription", async (OperatorTenants operatorTenants, Guid tenantId, SetSubscriptionRequest request, CancellationToken cancellationToken) =>
            (await operatorTenants.SetSubscriptionAsync(tenantId, request, cancellationToken)).ToOk()).WithName("SetSubscription")
            .WithSummary("Set the number of plans per plan type and of options bought.");
    }

    private static async Task<Results<Created<TenantDetail>, ProblemHttpResult>> CreateAsync(CreateTenant create, OperatorTenants operatorTenants, CreateTenantRequest request, CancellationToken cancellationToken)
    {
        var tenant = await create.ExecuteAsync(request, cancellationToken);
        if (!tenant.Succeeded)
        {
            return tenant.Error!.ToProblem();
        }

        return (await operatorTenants.GetAsync(tenant.Value!.Id, cancellationToken)).ToCreated(t => $"/api/v1/operator/tenants/{t.Id}");
    }
}
