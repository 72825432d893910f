using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Feedback : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "feedback_notes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    entry_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    giver_member_id = table.Column<long>(type: "INTEGER", nullable: false),
                    receiver_member_id = table.Column<long>(type: "INTEGER", nullable: false),
                    sales_team_id = table.Column<long>(type: "INTEGER", nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    situation = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    behaviour = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    impact = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    given_at = table.Column<long>(type: "INTEGER", nullable: false),
                    acknowledged_at = table.Column<long>(type: "INTEGER", nullable: true),
                    giver_conversation_id = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    giver_activity_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feedback_notes", x => x.id);
                    table.ForeignKey(
                        name: "fk_feedback_notes_members_giver_member_id",
                        column: x => x.giver_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_feedback_notes_members_receiver_member_id",
                        column: x => x.receiver_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_feedback_notes_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_feedback_notes_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_feedback_notes_giver_member_id",
                table: "feedback_notes",
                column: "giver_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_notes_receiver_member_id",
                table: "feedback_notes",
                column: "receiver_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_notes_sales_team_id",
                table: "feedback_notes",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_feedback_notes_tenant_id_entry_id",
                table: "feedback_notes",
                columns: new[] { "tenant_id", "entry_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_feedback_notes_tenant_id_receiver_member_id_given_at",
                table: "feedback_notes",
                columns: new[] { "tenant_id", "receiver_member_id", "given_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "feedback_notes");
        }
    }
}
