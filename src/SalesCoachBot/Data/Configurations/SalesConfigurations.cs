using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesCoachBot.Data.Configurations;

internal sealed class SalesResultConfiguration : IEntityTypeConfiguration<SalesResult>
{
    public void Configure(EntityTypeBuilder<SalesResult> builder)
    {
        builder.ToTable("sales_results");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(r => r.Amount).HasPrecision(18, 2);
        builder.Property(r => r.Customer).HasMaxLength(ColumnLengths.Customer);
        builder.Property(r => r.Note).HasMaxLength(ColumnLengths.Note);
        builder.Property(r => r.Source).HasMaxLength(ColumnLengths.Kind);
        builder.Property(r => r.ExternalId).HasMaxLength(ColumnLengths.ExternalId);

        // A re-import or a retried webhook finds its earlier row instead of counting twice.
        builder.HasIndex(r => new { r.TenantId, r.Source, r.ExternalId }).IsUnique();

        // The targets card: one member's results of one KPI in a date range. Amount and undone_at ride along so
        // the sum is answered from the index alone (INCLUDE on PostgreSQL; trailing key columns on SQLite).
        builder.HasIndex(r => new { r.TenantId, r.MemberId, r.KpiId, r.OccurredOn, r.Amount, r.UndoneAt })
            .HasDatabaseName("ix_sales_results_card");

        // `undo`: the member's latest result.
        builder.HasIndex(r => new { r.TenantId, r.MemberId, r.RecordedAt });

        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<KpiDefinition>().WithMany().HasForeignKey(r => r.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.RecordedByMemberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SalesTargetConfiguration : IEntityTypeConfiguration<SalesTarget>
{
    public void Configure(EntityTypeBuilder<SalesTarget> builder)
    {
        builder.ToTable("sales_targets", t => t.HasCheckConstraint(
            "ck_sales_targets_one_owner",
            "(member_id IS NULL) <> (sales_team_id IS NULL)"));
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(t => t.Amount).HasPrecision(18, 2);
        builder.Property(t => t.MonthWeights).HasMaxLength(ColumnLengths.ShortReason);

        // NULLs are distinct in unique indexes on both providers, so one filtered unique index per owner kind.
        builder.HasIndex(t => new { t.TenantId, t.MemberId, t.KpiId, t.PeriodKind, t.PeriodStart })
            .IsUnique()
            .HasFilter("member_id IS NOT NULL")
            .HasDatabaseName("ux_sales_targets_member");
        builder.HasIndex(t => new { t.TenantId, t.SalesTeamId, t.KpiId, t.PeriodKind, t.PeriodStart })
            .IsUnique()
            .HasFilter("sales_team_id IS NOT NULL")
            .HasDatabaseName("ux_sales_targets_team");
        builder.HasIndex(t => new { t.TenantId, t.KpiId, t.Year });

        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(t => t.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<KpiDefinition>().WithMany().HasForeignKey(t => t.KpiId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(t => t.SetByMemberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CrmEventConfiguration : IEntityTypeConfiguration<CrmEvent>
{
    public void Configure(EntityTypeBuilder<CrmEvent> builder)
    {
        builder.ToTable("crm_events");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(e => e.Source).HasMaxLength(ColumnLengths.KpiKey);
        builder.Property(e => e.EventId).HasMaxLength(ColumnLengths.ExternalId);
        builder.Property(e => e.DealId).HasMaxLength(ColumnLengths.ExternalId);
        builder.Property(e => e.OwnerEmail).HasMaxLength(ColumnLengths.Email);
        builder.Property(e => e.ResultIds).HasMaxLength(ColumnLengths.ShortReason);
        builder.Property(e => e.Detail).HasMaxLength(ColumnLengths.ShortReason);

        // A repeated event id finds its row: a concurrent duplicate loses the insert race on this index.
        builder.HasIndex(e => new { e.TenantId, e.Source, e.EventId }).IsUnique();

        // The admin list of recent unmatched events.
        builder.HasIndex(e => new { e.TenantId, e.Status, e.ReceivedAt });

        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TenantCalendarYearConfiguration : IEntityTypeConfiguration<TenantCalendarYear>
{
    public void Configure(EntityTypeBuilder<TenantCalendarYear> builder)
    {
        builder.ToTable("tenant_calendar_years");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(c => c.Country).HasMaxLength(ColumnLengths.Country);
        builder.Property(c => c.Content).HasMaxLength(ColumnLengths.CalendarContent);
        builder.HasIndex(c => new { c.TenantId, c.Country, c.Year }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
