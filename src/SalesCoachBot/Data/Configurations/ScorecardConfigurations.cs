using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesCoachBot.Data.Configurations;

internal sealed class ScorecardWeightConfiguration : IEntityTypeConfiguration<ScorecardWeight>
{
    public void Configure(EntityTypeBuilder<ScorecardWeight> builder)
    {
        builder.ToTable("scorecard_weights");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(w => w.WeightPercent).HasPrecision(5, 2);

        // One weight per team and KPI.
        builder.HasIndex(w => new { w.TenantId, w.SalesTeamId, w.KpiId }).IsUnique();

        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(w => w.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<KpiDefinition>().WithMany().HasForeignKey(w => w.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(w => w.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ScorecardSettingsConfiguration : IEntityTypeConfiguration<ScorecardSettings>
{
    public void Configure(EntityTypeBuilder<ScorecardSettings> builder)
    {
        builder.ToTable("scorecard_settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(s => s.CapPercent).HasPrecision(5, 1);

        // One settings row per team.
        builder.HasIndex(s => new { s.TenantId, s.SalesTeamId }).IsUnique();

        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(s => s.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
