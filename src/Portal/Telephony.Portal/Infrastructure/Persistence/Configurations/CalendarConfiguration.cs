using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Telephony.Portal.Domain.Calendars;
using Telephony.Portal.Domain.Tenants;

namespace Telephony.Portal.Infrastructure.Persistence.Configurations;

internal sealed class CalendarConfiguration : IEntityTypeConfiguration<Calendar>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<Calendar> builder)
    {
        builder.ToTable("Calendars");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Name).HasMaxLength(100);
        // Hours and closures are read and written with their calendar: a JSON document each.
        builder.Property(c => c.OpeningHours).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<List<OpeningHours>>(s, Json)!,
            ComparedAsJson<IReadOnlyList<OpeningHours>>());
        builder.Property(c => c.Closures).HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<List<ClosurePeriod>>(s, Json)!,
            ComparedAsJson<IReadOnlyList<ClosurePeriod>>());
        builder.HasIndex(c => new { c.TenantId, c.Name }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }

    private static ValueComparer<T> ComparedAsJson<T>() => new(
        (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
        v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
        v => v);
}
