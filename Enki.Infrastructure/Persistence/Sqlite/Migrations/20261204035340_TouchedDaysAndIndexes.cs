using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class TouchedDaysAndIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_SubjectId",
                table: "Events");

            migrationBuilder.CreateTable(
                name: "IndicatorTouchedDepartmentDays",
                columns: table => new
                {
                    Day = table.Column<long>(type: "INTEGER", nullable: false),
                    Clock = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ZoneCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Communes = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorTouchedDepartmentDays", x => new { x.Day, x.Clock, x.DepartmentCode });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_Unplaced",
                table: "Incidents",
                columns: new[] { "IsExercise", "OpenedAt" },
                filter: "\"Latitude\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_Events_SubjectId_Type",
                table: "Events",
                columns: new[] { "SubjectId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTouchedDepartmentDays_DepartmentCode_Day",
                table: "IndicatorTouchedDepartmentDays",
                columns: new[] { "DepartmentCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorTouchedDepartmentDays_ZoneCode_Day",
                table: "IndicatorTouchedDepartmentDays",
                columns: new[] { "ZoneCode", "Day" });

            // The first build of the touched communes by day, alone, in one pass over the hours' rows (OpenedHourMark.TouchedEverything).
            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f07"), 1227302240256000000L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "IndicatorOpenedHourMarks",
                keyColumn: "Id",
                keyValue: new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f07"));

            migrationBuilder.DropTable(
                name: "IndicatorTouchedDepartmentDays");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_Unplaced",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Events_SubjectId_Type",
                table: "Events");

            migrationBuilder.CreateIndex(
                name: "IX_Events_SubjectId",
                table: "Events",
                column: "SubjectId");
        }
    }
}
