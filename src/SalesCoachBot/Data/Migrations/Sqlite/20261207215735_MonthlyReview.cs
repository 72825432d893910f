using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SalesCoachBot.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MonthlyReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<TimeOnly>(
                name: "review_local_time",
                table: "meeting_series",
                type: "TEXT",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "review_local_time",
                table: "meeting_series");
        }
    }
}
