using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OpenedHoursDepartmentCovering : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorOpenedHours_DepartmentCode_Hour",
                table: "IndicatorOpenedHours");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorOpenedHours_DepartmentCode_Hour_Covering",
                table: "IndicatorOpenedHours",
                columns: new[] { "DepartmentCode", "Hour", "NatureFamily", "CommuneCode", "Opened", "Deceased", "Red", "Yellow", "Green", "Missing", "Evacuated", "Displaced", "Closed", "Ended", "Started" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorOpenedHours_DepartmentCode_Hour_Covering",
                table: "IndicatorOpenedHours");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorOpenedHours_DepartmentCode_Hour",
                table: "IndicatorOpenedHours",
                columns: new[] { "DepartmentCode", "Hour" });
        }
    }
}
