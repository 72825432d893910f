using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Commission : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "commission_plans",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sales_team_id = table.Column<long>(type: "bigint", nullable: false),
                    kpi_id = table.Column<long>(type: "bigint", nullable: false),
                    mode = table.Column<int>(type: "integer", nullable: false),
                    cap_amount = table.Column<decimal>(type: "numeric(18,2)", precision: 18, scale: 2, nullable: true),
                    period = table.Column<int>(type: "integer", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    set_by_member_id = table.Column<long>(type: "bigint", nullable: true),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commission_plans", x => x.id);
                    table.ForeignKey(
                        name: "fk_commission_plans_kpis_kpi_id",
                        column: x => x.kpi_id,
                        principalTable: "kpi_definitions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_commission_plans_members_set_by_member_id",
                        column: x => x.set_by_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_commission_plans_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_commission_plans_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "commission_tiers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    plan_id = table.Column<long>(type: "bigint", nullable: false),
                    from_percent = table.Column<decimal>(type: "numeric(7,2)", precision: 7, scale: 2, nullable: false),
                    rate_percent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_commission_tiers", x => x.id);
                    table.ForeignKey(
                        name: "fk_commission_tiers_commission_plans_plan_id",
                        column: x => x.plan_id,
                        principalTable: "commission_plans",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_commission_tiers_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_commission_plans_kpi_id",
                table: "commission_plans",
                column: "kpi_id");

            migrationBuilder.CreateIndex(
                name: "ix_commission_plans_sales_team_id",
                table: "commission_plans",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_commission_plans_set_by_member_id",
                table: "commission_plans",
                column: "set_by_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_commission_plans_tenant_id_sales_team_id",
                table: "commission_plans",
                columns: new[] { "tenant_id", "sales_team_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_commission_tiers_plan_id_from_percent",
                table: "commission_tiers",
                columns: new[] { "plan_id", "from_percent" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_commission_tiers_tenant_id",
                table: "commission_tiers",
                column: "tenant_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "commission_tiers");

            migrationBuilder.DropTable(
                name: "commission_plans");
        }
    }
}
