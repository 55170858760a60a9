using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PlacedByDepartment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Incidents_PlacedByDepartment",
                table: "Incidents",
                columns: new[] { "DepartmentCode", "IsExercise", "OpenedAt", "NatureFamily", "Latitude", "Longitude" },
                filter: "\"Latitude\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_PlacedByDepartment",
                table: "Incidents");
        }
    }
}
