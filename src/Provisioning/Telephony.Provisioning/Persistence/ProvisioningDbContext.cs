using Microsoft.EntityFrameworkCore;

namespace Telephony.Provisioning.Persistence;

/// <summary>
/// Provisioning's own store (devices built from the Portal's events, provisioning
/// credentials, contact log). Its tables arrive with the provisioning issue; the store, its
/// migrations history and its readiness check exist from the start.
/// </summary>
public sealed class ProvisioningDbContext(DbContextOptions<ProvisioningDbContext> options) : DbContext(options);
