using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MeetingCalendar : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "calendar_event_id",
                table: "meeting_series",
                type: "TEXT",
                maxLength: 512,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "calendar_notice_at",
                table: "meeting_series",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "calendar_organizer_aad_id",
                table: "meeting_series",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "calendar_event_id",
                table: "meeting_series");

            migrationBuilder.DropColumn(
                name: "calendar_notice_at",
                table: "meeting_series");

            migrationBuilder.DropColumn(
                name: "calendar_organizer_aad_id",
                table: "meeting_series");
        }
    }
}
