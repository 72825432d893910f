using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SalesTeamsRolesOutbox : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "email",
                table: "members",
                type: "character varying(320)",
                maxLength: 320,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "is_admin",
                table: "members",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "job_title",
                table: "members",
                type: "character varying(256)",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "line_manager_id",
                table: "members",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "preferred_locale",
                table: "members",
                type: "character varying(35)",
                maxLength: 35,
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "quiet_hours_end",
                table: "members",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<TimeOnly>(
                name: "quiet_hours_start",
                table: "members",
                type: "time without time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "time_zone",
                table: "members",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "unreachable_at",
                table: "members",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "unreachable_reason",
                table: "members",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "kpi_definitions",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    key = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    name_en = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    name_zh = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    unit = table.Column<int>(type: "integer", nullable: false),
                    currency = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    is_active = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kpi_definitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_kpi_definitions_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "member_opt_outs",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_opt_outs", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_opt_outs_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "outbox_messages",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    member_id = table.Column<long>(type: "bigint", nullable: true),
                    conversation_id = table.Column<long>(type: "bigint", nullable: true),
                    activity_json = table.Column<string>(type: "text", nullable: false),
                    status = table.Column<int>(type: "integer", nullable: false),
                    attempts = table.Column<int>(type: "integer", nullable: false),
                    due_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    claimed_by = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    claimed_until = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    sent_activity_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    sent_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    last_error = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_outbox_messages", x => x.id);
                    table.ForeignKey(
                        name: "fk_outbox_messages_conversation_references_conversation_id",
                        column: x => x.conversation_id,
                        principalTable: "conversation_references",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_outbox_messages_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_outbox_messages_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sales_teams",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    teams_team_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    aad_group_id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    channel_id = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    time_zone = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    created_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    archived_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_sales_teams", x => x.id);
                    table.ForeignKey(
                        name: "fk_sales_teams_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "team_memberships",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    tenant_id = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    sales_team_id = table.Column<long>(type: "bigint", nullable: false),
                    member_id = table.Column<long>(type: "bigint", nullable: false),
                    role = table.Column<int>(type: "integer", nullable: false),
                    joined_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    left_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_memberships", x => x.id);
                    table.ForeignKey(
                        name: "fk_team_memberships_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_team_memberships_sales_teams_sales_team_id",
                        column: x => x.sales_team_id,
                        principalTable: "sales_teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_members_line_manager_id",
                table: "members",
                column: "line_manager_id");

            migrationBuilder.CreateIndex(
                name: "ix_members_tenant_id_email",
                table: "members",
                columns: new[] { "tenant_id", "email" });

            migrationBuilder.CreateIndex(
                name: "ix_kpi_definitions_tenant_id_key",
                table: "kpi_definitions",
                columns: new[] { "tenant_id", "key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_member_opt_outs_member_id",
                table: "member_opt_outs",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_opt_outs_tenant_id_member_id_kind",
                table: "member_opt_outs",
                columns: new[] { "tenant_id", "member_id", "kind" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_conversation_id",
                table: "outbox_messages",
                column: "conversation_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_member_id",
                table: "outbox_messages",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_status_due_at",
                table: "outbox_messages",
                columns: new[] { "status", "due_at" });

            migrationBuilder.CreateIndex(
                name: "ix_outbox_messages_tenant_id_idempotency_key",
                table: "outbox_messages",
                columns: new[] { "tenant_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_sales_teams_tenant_id_name",
                table: "sales_teams",
                columns: new[] { "tenant_id", "name" });

            migrationBuilder.CreateIndex(
                name: "ix_sales_teams_tenant_id_teams_team_id",
                table: "sales_teams",
                columns: new[] { "tenant_id", "teams_team_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_team_memberships_member_id",
                table: "team_memberships",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_memberships_sales_team_id",
                table: "team_memberships",
                column: "sales_team_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_memberships_tenant_id_member_id",
                table: "team_memberships",
                columns: new[] { "tenant_id", "member_id" });

            migrationBuilder.CreateIndex(
                name: "ix_team_memberships_tenant_id_sales_team_id_member_id",
                table: "team_memberships",
                columns: new[] { "tenant_id", "sales_team_id", "member_id" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_members_members_line_manager_id",
                table: "members",
                column: "line_manager_id",
                principalTable: "members",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_members_members_line_manager_id",
                table: "members");

            migrationBuilder.DropTable(
                name: "kpi_definitions");

            migrationBuilder.DropTable(
                name: "member_opt_outs");

            migrationBuilder.DropTable(
                name: "outbox_messages");

            migrationBuilder.DropTable(
                name: "team_memberships");

            migrationBuilder.DropTable(
                name: "sales_teams");

            migrationBuilder.DropIndex(
                name: "ix_members_line_manager_id",
                table: "members");

            migrationBuilder.DropIndex(
                name: "ix_members_tenant_id_email",
                table: "members");

            migrationBuilder.DropColumn(
                name: "email",
                table: "members");

            migrationBuilder.DropColumn(
                name: "is_admin",
                table: "members");

            migrationBuilder.DropColumn(
                name: "job_title",
                table: "members");

            migrationBuilder.DropColumn(
                name: "line_manager_id",
                table: "members");

            migrationBuilder.DropColumn(
                name: "preferred_locale",
                table: "members");

            migrationBuilder.DropColumn(
                name: "quiet_hours_end",
                table: "members");

            migrationBuilder.DropColumn(
                name: "quiet_hours_start",
                table: "members");

            migrationBuilder.DropColumn(
                name: "time_zone",
                table: "members");

            migrationBuilder.DropColumn(
                name: "unreachable_at",
                table: "members");

            migrationBuilder.DropColumn(
                name: "unreachable_reason",
                table: "members");
        }
    }
}
