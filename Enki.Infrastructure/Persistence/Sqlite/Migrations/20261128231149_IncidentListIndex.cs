using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IncidentListIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_UpdatedAt",
                table: "Incidents");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_IsExercise_UpdatedAt",
                table: "Incidents",
                columns: new[] { "IsExercise", "UpdatedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_IsExercise_UpdatedAt",
                table: "Incidents");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_UpdatedAt",
                table: "Incidents",
                column: "UpdatedAt");
        }
    }
}
