using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IncidentListIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_CommuneCode",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_DepartmentCode",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_NatureFamily",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_UpdatedAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_ZoneCode",
                table: "Incidents");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CommuneCode_IsExercise_OpenedAt",
                table: "Incidents",
                columns: new[] { "CommuneCode", "IsExercise", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_DepartmentCode_IsExercise_OpenedAt",
                table: "Incidents",
                columns: new[] { "DepartmentCode", "IsExercise", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_IsExercise_UpdatedAt",
                table: "Incidents",
                columns: new[] { "IsExercise", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_NatureFamily_IsExercise_Status_OpenedAt",
                table: "Incidents",
                columns: new[] { "NatureFamily", "IsExercise", "Status", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ZoneCode_IsExercise_OpenedAt",
                table: "Incidents",
                columns: new[] { "ZoneCode", "IsExercise", "OpenedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_CommuneCode_IsExercise_OpenedAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_DepartmentCode_IsExercise_OpenedAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_IsExercise_UpdatedAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_NatureFamily_IsExercise_Status_OpenedAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_ZoneCode_IsExercise_OpenedAt",
                table: "Incidents");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CommuneCode",
                table: "Incidents",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_DepartmentCode",
                table: "Incidents",
                column: "DepartmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_NatureFamily",
                table: "Incidents",
                column: "NatureFamily");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_UpdatedAt",
                table: "Incidents",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ZoneCode",
                table: "Incidents",
                column: "ZoneCode");
        }
    }
}
