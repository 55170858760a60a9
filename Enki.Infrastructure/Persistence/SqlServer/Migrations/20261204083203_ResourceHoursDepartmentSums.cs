using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ResourceHoursDepartmentSums : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorResourceHours_DepartmentCode_Hour",
                table: "IndicatorResourceHours");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorResourceHours_DepartmentSums",
                table: "IndicatorResourceHours",
                columns: new[] { "DepartmentCode", "Hour", "Released", "Kind", "DurationTicks", "Resources" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_IndicatorResourceHours_DepartmentSums",
                table: "IndicatorResourceHours");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorResourceHours_DepartmentCode_Hour",
                table: "IndicatorResourceHours",
                columns: new[] { "DepartmentCode", "Hour" });
        }
    }
}
