using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Recognition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "company_values",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sales_team_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    points = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_values", x => x.id);
                    table.ForeignKey(
                        name: "fk_company_values_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_company_values_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "praises",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sales_team_id = table.Column<long>(type: "bigint", nullable: false),
                    giver_member_id = table.Column<long>(type: "bigint", nullable: false),
                    reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    value = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    points = table.Column<int>(type: "integer", nullable: false),
                    is_private = table.Column<bool>(type: "boolean", nullable: false),
                    channel_post_id = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_praises", x => x.id);
                    table.ForeignKey(
                        name: "fk_praises_members_giver_member_id",
                        column: x => x.giver_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_praises_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_praises_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "recognition_settings",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sales_team_id = table.Column<long>(type: "bigint", nullable: false),
                    daily_praise_quota = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_recognition_settings", x => x.id);
                    table.ForeignKey(
                        name: "fk_recognition_settings_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_recognition_settings_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "praise_receivers",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    praise_id = table.Column<long>(type: "bigint", nullable: false),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_praise_receivers", x => x.id);
                    table.ForeignKey(
                        name: "fk_praise_receivers_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_praise_receivers_praises_praise_id",
                        column: x => x.praise_id,
                        principalTable: "praises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_praise_receivers_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_company_values_sales_team_id",
                table: "company_values",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_company_values_tenant_id_sales_team_id_name",
                table: "company_values",
                columns: new[] { "tenant_id", "sales_team_id", "name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_praise_receivers_member_id",
                table: "praise_receivers",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_praise_receivers_praise_id",
                table: "praise_receivers",
                column: "praise_id");

            migrationBuilder.CreateIndex(
                name: "ix_praise_receivers_tenant_id_member_id_created_at",
                table: "praise_receivers",
                columns: new[] { "tenant_id", "member_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_praise_receivers_tenant_id_praise_id_member_id",
                table: "praise_receivers",
                columns: new[] { "tenant_id", "praise_id", "member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_praises_giver_member_id",
                table: "praises",
                column: "giver_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_praises_sales_team_id",
                table: "praises",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_praises_tenant_id_sales_team_id_created_at",
                table: "praises",
                columns: new[] { "tenant_id", "sales_team_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_praises_tenant_id_sales_team_id_giver_member_id_created_at",
                table: "praises",
                columns: new[] { "tenant_id", "sales_team_id", "giver_member_id", "created_at" });

            migrationBuilder.CreateIndex(
                name: "ix_recognition_settings_sales_team_id",
                table: "recognition_settings",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_recognition_settings_tenant_id_sales_team_id",
                table: "recognition_settings",
                columns: new[] { "tenant_id", "sales_team_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_values");

            migrationBuilder.DropTable(
                name: "praise_receivers");

            migrationBuilder.DropTable(
                name: "recognition_settings");

            migrationBuilder.DropTable(
                name: "praises");
        }
    }
}
