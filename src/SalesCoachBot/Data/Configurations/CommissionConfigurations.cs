using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesCoachBot.Data.Configurations;

internal sealed class CommissionPlanConfiguration : IEntityTypeConfiguration<CommissionPlan>
{
    public void Configure(EntityTypeBuilder<CommissionPlan> builder)
    {
        builder.ToTable("commission_plans");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(p => p.Currency).HasMaxLength(3);
        // Money: cents are the finest unit a plan speaks of.
        builder.Property(p => p.CapAmount).HasPrecision(18, 2);

        // One plan per sales team.
        builder.HasIndex(p => new { p.TenantId, p.SalesTeamId }).IsUnique();
        builder.HasMany(p => p.Tiers).WithOne().HasForeignKey(t => t.PlanId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(p => p.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        // A KPI is retired, never deleted (its history stays), so a plan keeps pointing at it.
        builder.HasOne<KpiDefinition>().WithMany().HasForeignKey(p => p.KpiId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.SetByMemberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CommissionTierConfiguration : IEntityTypeConfiguration<CommissionTier>
{
    public void Configure(EntityTypeBuilder<CommissionTier> builder)
    {
        builder.ToTable("commission_tiers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(t => t.FromPercent).HasPrecision(7, 2);
        builder.Property(t => t.RatePercent).HasPrecision(5, 2);
        builder.HasIndex(t => new { t.PlanId, t.FromPercent }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
