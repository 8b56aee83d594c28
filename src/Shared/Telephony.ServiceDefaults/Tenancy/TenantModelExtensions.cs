using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Telephony.ServiceDefaults.Tenancy;

public static class TenantModelExtensions
{
    /// <summary>Name of the query filter that scopes tenant-owned entities; cross-tenant
    /// operator code names it in <c>IgnoreQueryFilters(["Tenant"])</c>.</summary>
    public const string FilterName = "Tenant";

    /// <summary>
    /// Applies one named query filter, <c>TenantId == current tenant</c>, to every entity type
    /// implementing <see cref="ITenantOwned"/>. <paramref name="currentTenant"/> must read a
    /// member of the DbContext so EF parameterises it per context instance.
    /// </summary>
    public static void ApplyTenantQueryFilters<TContext>(this ModelBuilder modelBuilder, TContext context, Expression<Func<TContext, Guid?>> currentTenant)
        where TContext : DbContext
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes())
        {
            if (!typeof(ITenantOwned).IsAssignableFrom(entityType.ClrType) || entityType.IsOwned())
            {
                continue;
            }

            // e => (Guid?)e.TenantId == context.CurrentTenant
            var entity = Expression.Parameter(entityType.ClrType, "e");
            var tenantId = Expression.Convert(Expression.Property(entity, nameof(ITenantOwned.TenantId)), typeof(Guid?));
            var current = new ReplaceParameter(currentTenant.Parameters[0], Expression.Constant(context)).Visit(currentTenant.Body);
            var filter = Expression.Lambda(Expression.Equal(tenantId, current), entity);
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(FilterName, filter);
        }
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
