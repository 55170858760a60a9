using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GridPointsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Placed",
                table: "Incidents",
                columns: new[] { "IsExercise", "OpenedAt", "NatureFamily", "Latitude", "Longitude" },
                filter: "\"Latitude\" IS NOT NULL");

            // The whole file analysed once: the previous version's « PRAGMA optimize » could leave sampled statistics, which SQLite
            // then trusted to take the exercise flag's index for the resources' spans (0.2 s → 8 s nationally); see SqliteStatistics.
            migrationBuilder.Sql("ANALYZE;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_Placed",
                table: "Incidents");
        }
    }
}
