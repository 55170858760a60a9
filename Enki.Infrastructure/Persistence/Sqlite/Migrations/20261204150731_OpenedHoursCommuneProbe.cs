using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class OpenedHoursCommuneProbe : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorOpenedHours_CommuneCode_Hour",
                table: "IndicatorOpenedHours");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorOpenedHours_CommuneCode_Hour_Opened",
                table: "IndicatorOpenedHours",
                columns: new[] { "CommuneCode", "Hour", "Opened" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorOpenedHours_CommuneCode_Hour_Opened",
                table: "IndicatorOpenedHours");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorOpenedHours_CommuneCode_Hour",
                table: "IndicatorOpenedHours",
                columns: new[] { "CommuneCode", "Hour" });
        }
    }
}
