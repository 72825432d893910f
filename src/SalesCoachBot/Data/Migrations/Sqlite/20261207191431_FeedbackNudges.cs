using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FeedbackNudges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "feedback_nudges",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    manager_member_id = table.Column<long>(type: "INTEGER", nullable: false),
                    rep_member_id = table.Column<long>(type: "INTEGER", nullable: false),
                    last_nudged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    snoozed_until = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_nudges", x => x.id);
                    table.ForeignKey(
                        name: "fk_feedback_nudges_members_manager_member_id",
                        column: x => x.manager_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_feedback_nudges_members_rep_member_id",
                        column: x => x.rep_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_feedback_nudges_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "feedback_settings",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    sales_team_id = table.Column<long>(type: "INTEGER", nullable: false),
                    cadence_days = table.Column<int>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_settings", x => x.id);
                    table.ForeignKey(
                        name: "fk_feedback_settings_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_feedback_settings_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_nudges_manager_member_id",
                table: "feedback_nudges",
                column: "manager_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_nudges_rep_member_id",
                table: "feedback_nudges",
                column: "rep_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_nudges_tenant_id_manager_member_id_rep_member_id",
                table: "feedback_nudges",
                columns: new[] { "tenant_id", "manager_member_id", "rep_member_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_feedback_settings_sales_team_id",
                table: "feedback_settings",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_settings_tenant_id_sales_team_id",
                table: "feedback_settings",
                columns: new[] { "tenant_id", "sales_team_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback_nudges");

            migrationBuilder.DropTable(
                name: "feedback_settings");
        }
    }
}
