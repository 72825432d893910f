using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class UploadsAndCrmEvents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "crm_events",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    source = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    event_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    deal_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    status = table.Column<int>(type: "INTEGER", nullable: false),
                    owner_email = table.Column<string>(type: "TEXT", maxLength: 320, nullable: true),
                    result_ids = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    detail = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    received_at = table.Column<long>(type: "INTEGER", nullable: false),
                    updated_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_crm_events", x => x.id);
                    table.ForeignKey(
                        name: "fk_crm_events_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "pending_imports",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    member_id = table.Column<long>(type: "INTEGER", nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    kind = table.Column<int>(type: "INTEGER", nullable: false),
                    rows_json = table.Column<string>(type: "TEXT", nullable: false),
                    valid_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    rejected_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    status = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_pending_imports", x => x.id);
                    table.ForeignKey(
                        name: "fk_pending_imports_members_member_id",
                        column: x => x.member_id,
                        principalTable: "members",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_pending_imports_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_crm_events_tenant_id_source_event_id",
                table: "crm_events",
                columns: new[] { "tenant_id", "source", "event_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_crm_events_tenant_id_status_received_at",
                table: "crm_events",
                columns: new[] { "tenant_id", "status", "received_at" });

            migrationBuilder.CreateIndex(
                name: "ix_pending_imports_member_id",
                table: "pending_imports",
                column: "member_id");

            migrationBuilder.CreateIndex(
                name: "ix_pending_imports_tenant_id_member_id_created_at",
                table: "pending_imports",
                columns: new[] { "tenant_id", "member_id", "created_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "crm_events");

            migrationBuilder.DropTable(
                name: "pending_imports");
        }
    }
}
