using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace SalesCoachBot.Data.Configurations;

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> builder)
    {
        builder.ToTable("pending_imports");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.TenantId).HasMaxLength(ColumnLengths.TenantId);
        builder.Property(p => p.FileName).HasMaxLength(ColumnLengths.Name);

        // Confirm looks an import up by id within the tenant and checks the uploader.
        builder.HasIndex(p => new { p.TenantId, p.MemberId, p.CreatedAt });

        builder.HasOne<Member>().WithMany().HasForeignKey(p => p.MemberId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(p => p.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
