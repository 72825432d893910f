using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesCoachBot.Data.Configurations;

internal sealed class PraiseConfiguration : IEntityTypeConfiguration<Praise>
{
    public void Configure(EntityTypeBuilder<Praise> builder)
    {
        builder.ToTable("praises");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(p => p.Reason).HasMaxLength(Praise.MaxReasonLength);
        builder.Property(p => p.Value).HasMaxLength(CompanyValue.MaxNameLength);
        builder.Property(p => p.ChannelPostId).HasMaxLength(ColumnLengths.ExternalId);

        // The daily quota counts a giver's praises in a team since the start of the team's day; the board reads a team's period.
        builder.HasIndex(p => new { p.TenantId, p.SalesTeamId, p.GiverMemberId, p.CreatedAt });
        builder.HasIndex(p => new { p.TenantId, p.SalesTeamId, p.CreatedAt });

        builder.HasMany(p => p.Receivers).WithOne().HasForeignKey(r => r.PraiseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(p => p.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.GiverMemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PraiseReceiverConfiguration : IEntityTypeConfiguration<PraiseReceiver>
{
    public void Configure(EntityTypeBuilder<PraiseReceiver> builder)
    {
        builder.ToTable("praise_receivers");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.TenantId).HasMaxLength(ColumnLengths.TenantId);

        // A person is praised once per praise; the history reads a member's newest first.
        builder.HasIndex(r => new { r.TenantId, r.PraiseId, r.MemberId }).IsUnique();
        builder.HasIndex(r => new { r.TenantId, r.MemberId, r.CreatedAt });

        builder.HasOne<Member>().WithMany().HasForeignKey(r => r.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(r => r.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompanyValueConfiguration : IEntityTypeConfiguration<CompanyValue>
{
    public void Configure(EntityTypeBuilder<CompanyValue> builder)
    {
        builder.ToTable("company_values");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(v => v.Name).HasMaxLength(CompanyValue.MaxNameLength);

        // Names are compared ignoring case in code (both providers alike); the index keeps an exact duplicate out.
        builder.HasIndex(v => new { v.TenantId, v.SalesTeamId, v.Name }).IsUnique();

        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(v => v.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(v => v.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class RecognitionSettingsConfiguration : IEntityTypeConfiguration<RecognitionSettings>
{
    public void Configure(EntityTypeBuilder<RecognitionSettings> builder)
    {
        builder.ToTable("recognition_settings");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(s => s.BigDealThreshold).HasPrecision(18, 2);
        builder.HasIndex(s => new { s.TenantId, s.SalesTeamId }).IsUnique();

        builder.HasOne<SalesTeam>().WithMany().HasForeignKey(s => s.SalesTeamId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(s => s.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
