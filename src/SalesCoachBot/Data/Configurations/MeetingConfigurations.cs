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
