using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Scorecards : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "scorecard_settings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sales_team_id = table.Column<long>(type: "bigint", nullable: false),
                    cap_percent = table.Column<decimal>(type: "numeric(5,1)", precision: 5, scale: 1, nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scorecard_settings", x => x.id);
                    table.ForeignKey(
                        name: "fk_scorecard_settings_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scorecard_settings_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "scorecard_weights",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sales_team_id = table.Column<long>(type: "bigint", nullable: false),
                    kpi_id = table.Column<long>(type: "bigint", nullable: false),
                    weight_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false),
                    set_by_member_id = table.Column<long>(type: "bigint", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scorecard_weights", x => x.id);
                    table.ForeignKey(
                        name: "fk_scorecard_weights_kpi_definitions_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpi_definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scorecard_weights_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_scorecard_weights_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_scorecard_settings_sales_team_id",
                table: "scorecard_settings",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_scorecard_settings_tenant_id_sales_team_id",
                table: "scorecard_settings",
                columns: new[] { "tenant_id", "sales_team_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_scorecard_weights_kpi_id",
                table: "scorecard_weights",
                column: "kpi_id");

            migrationBuilder.CreateIndex(
                name: "ix_scorecard_weights_sales_team_id",
                table: "scorecard_weights",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_scorecard_weights_tenant_id_sales_team_id_kpi_id",
                table: "scorecard_weights",
                columns: new[] { "tenant_id", "sales_team_id", "kpi_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scorecard_settings");

            migrationBuilder.DropTable(
                name: "scorecard_weights");
        }
    }
}
