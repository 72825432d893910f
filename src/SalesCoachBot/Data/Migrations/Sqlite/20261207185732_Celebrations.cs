using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Celebrations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<decimal>(
                name: "big_deal_threshold",
                table: "recognition_settings",
                type: "TEXT",
                precision: 18,
                scale: 2,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "big_deals_off",
                table: "recognition_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "rep_targets_off",
                table: "recognition_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "team_targets_off",
                table: "recognition_settings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "celebrations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    sales_team_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    member_id = table.Column<long>(type: "INTEGER", nullable: true),
                    kpi_id = table.Column<long>(type: "INTEGER", nullable: false),
                    period_key = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 18, scale: 2, nullable: false),
                    event_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_celebrations", x => x.id);
                    table.ForeignKey(
                        name: "fk_celebrations_kpis_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpi_definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_celebrations_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_celebrations_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_celebrations_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_celebrations_kpi_id",
                table: "celebrations",
                column: "kpi_id");

            migrationBuilder.CreateIndex(
                name: "ix_celebrations_member_id",
                table: "celebrations",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_celebrations_sales_team_id",
                table: "celebrations",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_celebrations_tenant_id_event_key",
                table: "celebrations",
                columns: new[] { "tenant_id", "event_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_celebrations_tenant_id_member_id_created_at",
                table: "celebrations",
                columns: new[] { "tenant_id", "member_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "celebrations");

            migrationBuilder.DropColumn(
                name: "big_deal_threshold",
                table: "recognition_settings");

            migrationBuilder.DropColumn(
                name: "big_deals_off",
                table: "recognition_settings");

            migrationBuilder.DropColumn(
                name: "rep_targets_off",
                table: "recognition_settings");

            migrationBuilder.DropColumn(
                name: "team_targets_off",
                table: "recognition_settings");
        }
    }
}
