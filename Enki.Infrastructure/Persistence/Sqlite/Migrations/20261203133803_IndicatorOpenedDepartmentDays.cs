using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorOpenedDepartmentDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorOpenedDepartmentDays",
                columns: table => new
                {
                    Day = table.Column<long>(type: "INTEGER", nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    NatureFamily = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ZoneCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Opened = table.Column<int>(type: "INTEGER", nullable: false),
                    Deceased = table.Column<int>(type: "INTEGER", nullable: false),
                    Red = table.Column<int>(type: "INTEGER", nullable: false),
                    Yellow = table.Column<int>(type: "INTEGER", nullable: false),
                    Green = table.Column<int>(type: "INTEGER", nullable: false),
                    Missing = table.Column<int>(type: "INTEGER", nullable: false),
                    Evacuated = table.Column<int>(type: "INTEGER", nullable: false),
                    Displaced = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorOpenedDepartmentDays", x => new { x.Day, x.DepartmentCode, x.NatureFamily });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorOpenedDepartmentDays_DepartmentCode_Day",
                table: "IndicatorOpenedDepartmentDays",
                columns: new[] { "DepartmentCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorOpenedDepartmentDays_ZoneCode_Day",
                table: "IndicatorOpenedDepartmentDays",
                columns: new[] { "ZoneCode", "Day" });

            // « Every hour » again (OpenedHourMark.Everything's hour, another id): the department level is built by the
            // next refresh from every hour holding an incident; until then readers use the incidents alone.
            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f02"), 1227296931840000000L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "IndicatorOpenedHourMarks",
                keyColumn: "Id",
                keyValue: new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f02"));

            migrationBuilder.DropTable(
                name: "IndicatorOpenedDepartmentDays");
        }
    }
}
