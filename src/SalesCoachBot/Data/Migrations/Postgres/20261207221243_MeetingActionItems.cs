using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class MeetingActionItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "meeting_action_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sales_team_id = table.Column<long>(type: "bigint", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    owner_member_id = table.Column<long>(type: "bigint", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    due_date = table.Column<DateOnly>(type: "date", nullable: true),
                    created_by_member_id = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    done_by_member_id = table.Column<long>(type: "bigint", nullable: true),
                    reminded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    form_entry_id = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_action_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_action_items_members_created_by_member_id",
                        column: x => x.created_by_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_meeting_action_items_members_done_by_member_id",
                        column: x => x.done_by_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_meeting_action_items_members_owner_member_id",
                        column: x => x.owner_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_action_items_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_action_items_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_action_items_created_by_member_id",
                table: "meeting_action_items",
                column: "created_by_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_action_items_done_by_member_id",
                table: "meeting_action_items",
                column: "done_by_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_action_items_owner_member_id",
                table: "meeting_action_items",
                column: "owner_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_action_items_sales_team_id",
                table: "meeting_action_items",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_action_items_tenant_id_due_date_reminded_at",
                table: "meeting_action_items",
                columns: new[] { "tenant_id", "due_date", "reminded_at" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_action_items_tenant_id_form_entry_id",
                table: "meeting_action_items",
                columns: new[] { "tenant_id", "form_entry_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_meeting_action_items_tenant_id_sales_team_id_number",
                table: "meeting_action_items",
                columns: new[] { "tenant_id", "sales_team_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_action_items");
        }
    }
}
