using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TargetsAndResults : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sales_results",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    kpi_id = table.Column<long>(type: "bigint", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    occurred_on = table.Column<DateOnly>(type: "date", nullable: false),
                    customer = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    external_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    recorded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    recorded_by_member_id = table.Column<long>(type: "bigint", nullable: true),
                    undone_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_results", x => x.id);
                    table.ForeignKey(
                        name: "fk_sales_results_kpi_definitions_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpi_definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sales_results_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sales_results_members_recorded_by_member_id",
                        column: x => x.recorded_by_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_sales_results_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sales_targets",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    member_id = table.Column<long>(type: "bigint", nullable: true),
                    sales_team_id = table.Column<long>(type: "bigint", nullable: true),
                    kpi_id = table.Column<long>(type: "bigint", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    period_kind = table.Column<int>(type: "integer", nullable: false),
                    period_start = table.Column<DateOnly>(type: "date", nullable: false),
                    amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: false),
                    month_weights = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    is_override = table.Column<bool>(type: "boolean", nullable: false),
                    set_by_member_id = table.Column<long>(type: "bigint", nullable: true),
                    set_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_targets", x => x.id);
                    table.CheckConstraint("ck_sales_targets_one_owner", "(member_id IS NULL) <> (sales_team_id IS NULL)");
                    table.ForeignKey(
                        name: "fk_sales_targets_kpi_definitions_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpi_definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sales_targets_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sales_targets_members_set_by_member_id",
                        column: x => x.set_by_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_sales_targets_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_sales_targets_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_sales_results_card",
                table: "sales_results",
                columns: new[] { "tenant_id", "member_id", "kpi_id", "occurred_on", "amount", "undone_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_results_kpi_id",
                table: "sales_results",
                column: "kpi_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_results_member_id",
                table: "sales_results",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_results_recorded_by_member_id",
                table: "sales_results",
                column: "recorded_by_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_results_tenant_id_member_id_recorded_at",
                table: "sales_results",
                columns: new[] { "tenant_id", "member_id", "recorded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_results_tenant_id_source_external_id",
                table: "sales_results",
                columns: new[] { "tenant_id", "source", "external_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sales_targets_kpi_id",
                table: "sales_targets",
                column: "kpi_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_targets_member_id",
                table: "sales_targets",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_targets_sales_team_id",
                table: "sales_targets",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_targets_set_by_member_id",
                table: "sales_targets",
                column: "set_by_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_sales_targets_tenant_id_kpi_id_year",
                table: "sales_targets",
                columns: new[] { "tenant_id", "kpi_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ux_sales_targets_member",
                table: "sales_targets",
                columns: new[] { "tenant_id", "member_id", "kpi_id", "period_kind", "period_start" },
                unique: true,
                filter: "member_id IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ux_sales_targets_team",
                table: "sales_targets",
                columns: new[] { "tenant_id", "sales_team_id", "kpi_id", "period_kind", "period_start" },
                unique: true,
                filter: "sales_team_id IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sales_results");

            migrationBuilder.DropTable(
                name: "sales_targets");
        }
    }
}
