using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class KpiCatalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kpi_aliases",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    kpi_id = table.Column<long>(type: "bigint", nullable: false),
                    word = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_aliases", x => x.id);
                    table.ForeignKey(
                        name: "fk_kpi_aliases_kpis_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpi_definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kpi_aliases_kpi_id",
                table: "kpi_aliases",
                column: "kpi_id");

            migrationBuilder.CreateIndex(
                name: "ix_kpi_aliases_tenant_id_kpi_id",
                table: "kpi_aliases",
                columns: new[] { "tenant_id", "kpi_id" });

            migrationBuilder.CreateIndex(
                name: "ix_kpi_aliases_tenant_id_word",
                table: "kpi_aliases",
                columns: new[] { "tenant_id", "word" },
                unique: true);

            // Tenants that count revenue in CNY start with 回款 (collections) from now on; existing ones get it here,
            // after revenue, unless they already have a KPI with that key.
            migrationBuilder.Sql("""
                INSERT INTO kpi_definitions (tenant_id, key, name_en, name_zh, unit, aggregation, currency, sort_order, is_active)
                SELECT r.tenant_id, 'collections', 'Collections', '回款', 0, 0, 'CNY', 15, true
                FROM kpi_definitions r
                WHERE r.key = 'revenue' AND r.currency = 'CNY'
                  AND NOT EXISTS (SELECT 1 FROM kpi_definitions c WHERE c.tenant_id = r.tenant_id AND c.key = 'collections');
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kpi_aliases");
        }
    }
}
