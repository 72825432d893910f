using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesCoachBot.Data.Configurations;

internal sealed class PraiseFormEntryConfiguration : IEntityTypeConfiguration<PraiseFormEntry>
{
    public void Configure(EntityTypeBuilder<PraiseFormEntry> builder)
    {
        builder.ToTable("praise_form_entries");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(e => e.EntryId).HasMaxLength(PraiseFormEntry.EntryIdLength);

        // One praise per form: the second send of the same form hits this index and stores nothing.
        builder.HasIndex(e => new { e.TenantId, e.EntryId }).IsUnique();

        builder.HasOne<Praise>().WithMany().HasForeignKey(e => e.PraiseId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
