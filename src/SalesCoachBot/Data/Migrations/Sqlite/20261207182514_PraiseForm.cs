using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PraiseForm : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "praise_form_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    tenant_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    entry_id = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    praise_id = table.Column<long>(type: "INTEGER", nullable: false),
                    created_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_praise_form_entries", x => x.id);
                    table.ForeignKey(
                        name: "fk_praise_form_entries_praises_praise_id",
                        column: x => x.praise_id,
                        principalTable: "praises",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_praise_form_entries_tenants_tenant_id",
                        column: x => x.tenant_id,
                        principalTable: "tenants",
                        principalColumn: "tenant_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_praise_form_entries_praise_id",
                table: "praise_form_entries",
                column: "praise_id");

            migrationBuilder.CreateIndex(
                name: "ix_praise_form_entries_tenant_id_entry_id",
                table: "praise_form_entries",
                columns: new[] { "tenant_id", "entry_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "praise_form_entries");
        }
    }
}
