using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesCoachBot.Data.Configurations;

internal sealed class TenantConfiguration : IEntityTypeConfiguration<Tenant>
{
    public void Configure(EntityTypeBuilder<Tenant> builder)
    {
        builder.ToTable("tenants");
        builder.HasKey(t => t.TenantId);
        builder.Property(t => t.TenantId).HasMaxLength(ColumnLengths.TenantId);
    }
}

internal sealed class MemberConfiguration : IEntityTypeConfiguration<Member>
{
    public void Configure(EntityTypeBuilder<Member> builder)
    {
        builder.ToTable("members");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(m => m.TeamsUserId).HasMaxLength(ColumnLengths.ChannelAccountId);
        builder.Property(m => m.AadObjectId).HasMaxLength(ColumnLengths.AadObjectId);
        builder.Property(m => m.Name).HasMaxLength(ColumnLengths.Name);
        builder.Property(m => m.Locale).HasMaxLength(ColumnLengths.Locale);
        builder.Property(m => m.PreferredLocale).HasMaxLength(ColumnLengths.Locale);
        builder.Property(m => m.TimeZone).HasMaxLength(ColumnLengths.TimeZone);
        builder.Property(m => m.Email).HasMaxLength(ColumnLengths.Email);
        builder.Property(m => m.JobTitle).HasMaxLength(ColumnLengths.Name);
        builder.Property(m => m.UnreachableReason).HasMaxLength(ColumnLengths.ShortReason);
        builder.HasIndex(m => new { m.TenantId, m.TeamsUserId }).IsUnique();
        builder.HasIndex(m => new { m.TenantId, m.Email });
        builder.HasOne<Member>().WithMany().HasForeignKey(m => m.LineManagerId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(m => new { m.TenantId, m.AadObjectId });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(m => m.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.ToTable("conversation_references");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(c => c.ConversationId).HasMaxLength(ColumnLengths.ConversationId);
        builder.Property(c => c.ServiceUrl).HasMaxLength(ColumnLengths.ServiceUrl);
        builder.Property(c => c.ConversationType).HasMaxLength(ColumnLengths.ConversationType);
        builder.Property(c => c.TeamId).HasMaxLength(ColumnLengths.ChannelAccountId);
        builder.Property(c => c.ChannelId).HasMaxLength(ColumnLengths.ChannelAccountId);
        builder.Property(c => c.BotId).HasMaxLength(ColumnLengths.ChannelAccountId);
        builder.HasIndex(c => new { c.TenantId, c.ConversationId }).IsUnique();
        builder.HasIndex(c => new { c.TenantId, c.TeamId });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(c => c.TenantId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(c => c.Member).WithMany().HasForeignKey(c => c.MemberId).OnDelete(DeleteBehavior.SetNull);
    }
}
