using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesCoachBot.Data.Configurations;

internal sealed class CelebrationConfiguration : IEntityTypeConfiguration<Celebration>
{
    public void Configure(EntityTypeBuilder<Celebration> builder)
    {
        builder.ToTable("celebrations");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(c => c.PeriodKey).HasMaxLength(Celebration.MaxPeriodKeyLength);
        builder.Property(c => c.EventKey).HasMaxLength(ColumnLengths.IdempotencyKey);
        builder.Property(c => c.Reason).HasMaxLength(Celebration.MaxReasonLength);
        builder.Property(c => c.Amount).HasPrecision(18, 2);

        // Once per event, across instances and retries: a second insert of the key is a no-op (ON CONFLICT).
        builder.HasIndex(c => new { c.TenantId, c.EventKey }).IsUnique();
        // The rep's recognition history reads their celebrations newest first.
        builder.HasIndex(c => new { c.TenantId, c.MemberId, c.CreatedAt });

        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(c => c.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<KpiDefinition>().WithMany().HasForeignKey(c => c.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
