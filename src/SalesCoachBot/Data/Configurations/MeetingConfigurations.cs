using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesCoachBot.Data.Configurations;

internal sealed class MeetingSeriesConfiguration : IEntityTypeConfiguration<MeetingSeries>
{
    public void Configure(EntityTypeBuilder<MeetingSeries> builder)
    {
        builder.ToTable("meeting_series");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(s => s.TimeZone).HasMaxLength(ColumnLengths.TimeZone);
        builder.Property(s => s.SkippedDates).HasMaxLength(MeetingSeries.MaxSkippedLength);
        builder.Property(s => s.CalendarEventId).HasMaxLength(MeetingSeries.MaxCalendarEventIdLength);
        builder.Property(s => s.CalendarOrganizerAadId).HasMaxLength(ColumnLengths.AadObjectId);

        // One weekly meeting per sales team.
        builder.HasIndex(s => new { s.TenantId, s.SalesTeamId }).IsUnique();
        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(s => s.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(s => s.SetByMemberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAgendaItemConfiguration : IEntityTypeConfiguration<MeetingAgendaItem>
{
    public void Configure(EntityTypeBuilder<MeetingAgendaItem> builder)
    {
        builder.ToTable("meeting_agenda_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(i => i.Text).HasMaxLength(MeetingAgendaItem.MaxTextLength);

        // The agenda reads one occurrence's items in the order they were added.
        builder.HasIndex(i => new { i.TenantId, i.SalesTeamId, i.OccurrenceDate, i.Id });
        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(i => i.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.AddedByMemberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingActionItemConfiguration : IEntityTypeConfiguration<MeetingActionItem>
{
    public void Configure(EntityTypeBuilder<MeetingActionItem> builder)
    {
        builder.ToTable("meeting_action_items");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(i => i.Text).HasMaxLength(MeetingActionItem.MaxTextLength);
        builder.Property(i => i.FormEntryId).HasMaxLength(MeetingActionItem.FormEntryIdLength);

        // The team's numbers: two creates at once taking the same number hit this index, and the loser takes the next one.
        builder.HasIndex(i => new { i.TenantId, i.SalesTeamId, i.Number }).IsUnique();
        // One item per form (NULLs, typed items, do not collide on either provider).
        builder.HasIndex(i => new { i.TenantId, i.FormEntryId }).IsUnique();
        // The hourly due reminder looks for open, unreminded items with a due date.
        builder.HasIndex(i => new { i.TenantId, i.DueDate, i.RemindedAt });
        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(i => i.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.OwnerMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.CreatedByMemberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Member>().WithMany().HasForeignKey(i => i.DoneByMemberId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(i => i.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
