using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesCoachBot.Data.Configurations;

internal sealed class MemberOptOutConfiguration : IEntityTypeConfiguration<MemberOptOut>
{
    public void Configure(EntityTypeBuilder<MemberOptOut> builder)
    {
        builder.ToTable("member_opt_outs");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(o => o.Kind).HasMaxLength(ColumnLengths.Kind);
        builder.HasIndex(o => new { o.TenantId, o.MemberId, o.Kind }).IsUnique();
        builder.HasOne<Member>().WithMany().HasForeignKey(o => o.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class SalesTeamConfiguration : IEntityTypeConfiguration<SalesTeam>
{
    public void Configure(EntityTypeBuilder<SalesTeam> builder)
    {
        builder.ToTable("sales_teams");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(t => t.Name).HasMaxLength(ColumnLengths.Name);
        builder.Property(t => t.TeamsTeamId).HasMaxLength(ColumnLengths.ChannelAccountId);
        builder.Property(t => t.AadGroupId).HasMaxLength(ColumnLengths.AadObjectId);
        builder.Property(t => t.ChannelId).HasMaxLength(ColumnLengths.ChannelAccountId);
        builder.Property(t => t.TimeZone).HasMaxLength(ColumnLengths.TimeZone);
        builder.HasIndex(t => new { t.TenantId, t.TeamsTeamId }).IsUnique();
        builder.HasIndex(t => new { t.TenantId, t.Name });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(t => t.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class TeamMembershipConfiguration : IEntityTypeConfiguration<TeamMembership>
{
    public void Configure(EntityTypeBuilder<TeamMembership> builder)
    {
        builder.ToTable("team_memberships");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.HasIndex(m => new { m.TenantId, m.SalesTeamId, m.MemberId }).IsUnique();
        builder.HasIndex(m => new { m.TenantId, m.MemberId });
        builder.HasOne(m => m.SalesTeam).WithMany().HasForeignKey(m => m.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(m => m.Member).WithMany().HasForeignKey(m => m.MemberId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KpiDefinitionConfiguration : IEntityTypeConfiguration<KpiDefinition>
{
    public void Configure(EntityTypeBuilder<KpiDefinition> builder)
    {
        builder.ToTable("kpi_definitions");
        builder.HasKey(k => k.Id);
        builder.Property(k => k.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(k => k.Key).HasMaxLength(ColumnLengths.KpiKey);
        builder.Property(k => k.NameEn).HasMaxLength(ColumnLengths.Name);
        builder.Property(k => k.NameZh).HasMaxLength(ColumnLengths.Name);
        builder.Property(k => k.Currency).HasMaxLength(ColumnLengths.Currency);
        builder.HasIndex(k => new { k.TenantId, k.Key }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(k => k.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KpiAliasWordConfiguration : IEntityTypeConfiguration<KpiAliasWord>
{
    public void Configure(EntityTypeBuilder<KpiAliasWord> builder)
    {
        builder.ToTable("kpi_aliases");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(a => a.Word).HasMaxLength(ColumnLengths.KpiWord);
        // One meaning per word in a tenant: a word never adds to two KPIs.
        builder.HasIndex(a => new { a.TenantId, a.Word }).IsUnique();
        builder.HasIndex(a => new { a.TenantId, a.KpiId });
        builder.HasOne(a => a.Kpi).WithMany().HasForeignKey(a => a.KpiId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("outbox_messages");
        builder.HasKey(o => o.Id);
        builder.Property(o => o.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(o => o.IdempotencyKey).HasMaxLength(ColumnLengths.IdempotencyKey);
        builder.Property(o => o.UpdatesKey).HasMaxLength(ColumnLengths.IdempotencyKey);
        builder.Property(o => o.Kind).HasMaxLength(ColumnLengths.Kind);
        builder.Property(o => o.ClaimedBy).HasMaxLength(ColumnLengths.ClaimedBy);
        builder.Property(o => o.SentActivityId).HasMaxLength(ColumnLengths.ChannelAccountId);
        builder.Property(o => o.LastError).HasMaxLength(ColumnLengths.ShortReason);
        builder.HasIndex(o => new { o.TenantId, o.IdempotencyKey }).IsUnique();
        // The dispatcher's claim query: pending rows that are due, oldest first.
        builder.HasIndex(o => new { o.Status, o.DueAt });
        builder.HasOne<Member>().WithMany().HasForeignKey(o => o.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(o => o.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(o => o.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
