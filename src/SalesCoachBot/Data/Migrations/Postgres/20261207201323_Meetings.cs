using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class Meetings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "updates_key",
                table: "outbox_messages",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "meeting_agenda_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sales_team_id = table.Column<long>(type: "bigint", nullable: false),
                    occurrence_date = table.Column<DateOnly>(type: "date", nullable: false),
                    text = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    added_by_member_id = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_agenda_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_agenda_items_members_added_by_member_id",
                        column: x => x.added_by_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_meeting_agenda_items_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_agenda_items_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "meeting_series",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sales_team_id = table.Column<long>(type: "bigint", nullable: false),
                    weekday = table.Column<int>(type: "integer", nullable: false),
                    local_time = table.Column<TimeOnly>(type: "time without time zone", nullable: false),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    agenda_lead_minutes = table.Column<int>(type: "integer", nullable: false),
                    reminder_lead_minutes = table.Column<int>(type: "integer", nullable: false),
                    skipped_dates = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    set_by_member_id = table.Column<long>(type: "bigint", nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_meeting_series", x => x.id);
                    table.ForeignKey(
                        name: "fk_meeting_series_members_set_by_member_id",
                        column: x => x.set_by_member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_meeting_series_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_meeting_series_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_agenda_items_added_by_member_id",
                table: "meeting_agenda_items",
                column: "added_by_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_agenda_items_sales_team_id",
                table: "meeting_agenda_items",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_agenda_items_tenant_id_sales_team_id_occurrence_dat",
                table: "meeting_agenda_items",
                columns: new[] { "tenant_id", "sales_team_id", "occurrence_date", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_meeting_series_sales_team_id",
                table: "meeting_series",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_series_set_by_member_id",
                table: "meeting_series",
                column: "set_by_member_id");

            migrationBuilder.CreateIndex(
                name: "ix_meeting_series_tenant_id_sales_team_id",
                table: "meeting_series",
                columns: new[] { "tenant_id", "sales_team_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "meeting_agenda_items");

            migrationBuilder.DropTable(
                name: "meeting_series");

            migrationBuilder.DropColumn(
                name: "updates_key",
                table: "outbox_messages");
        }
    }
}
