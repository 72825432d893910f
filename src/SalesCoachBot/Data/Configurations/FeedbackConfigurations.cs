using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesCoachBot.Data.Configurations;

internal sealed class FeedbackNoteConfiguration : IEntityTypeConfiguration<FeedbackNote>
{
    public void Configure(EntityTypeBuilder<FeedbackNote> builder)
    {
        builder.ToTable("feedback_notes");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(f => f.EntryId).HasMaxLength(ColumnLengths.ExternalId);
        builder.Property(f => f.Situation).HasMaxLength(ColumnLengths.Note);
        builder.Property(f => f.Behaviour).HasMaxLength(ColumnLengths.Note);
        builder.Property(f => f.Impact).HasMaxLength(ColumnLengths.Note);
        builder.Property(f => f.GiverConversationId).HasMaxLength(ColumnLengths.ConversationId);
        builder.Property(f => f.GiverActivityId).HasMaxLength(ColumnLengths.ExternalId);

        // A retried turn or a second click of the same form finds the note already there.
        builder.HasIndex(f => new { f.TenantId, f.EntryId }).IsUnique();
        // The rep's history and the team card's "last feedback", newest first.
        builder.HasIndex(f => new { f.TenantId, f.ReceiverMemberId, f.GivenAt });

        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.GiverMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(f => f.ReceiverMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(f => f.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(f => f.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackSettingsConfiguration : IEntityTypeConfiguration<FeedbackSettings>
{
    public void Configure(EntityTypeBuilder<FeedbackSettings> builder)
    {
        builder.ToTable("feedback_settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TenantId).HasMaxLength(ColumnLengths.TenantId);

        // One cadence per team.
        builder.HasIndex(s => new { s.TenantId, s.SalesTeamId }).IsUnique();

        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(s => s.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class FeedbackNudgeConfiguration : IEntityTypeConfiguration<FeedbackNudge>
{
    public void Configure(EntityTypeBuilder<FeedbackNudge> builder)
    {
        builder.ToTable("feedback_nudges");
        builder.HasKey(n => n.Id);
        builder.Property(n => n.TenantId).HasMaxLength(ColumnLengths.TenantId);

        // One row per manager and rep: the weekly limit and the snooze are about that pair.
        builder.HasIndex(n => new { n.TenantId, n.ManagerMemberId, n.RepMemberId }).IsUnique();

        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.ManagerMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(n => n.RepMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(n => n.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
