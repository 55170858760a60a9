using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorResourceHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorResourceHours",
                columns: table => new
                {
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Released = table.Column<bool>(type: "INTEGER", nullable: false),
                    DurationTicks = table.Column<long>(type: "INTEGER", nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ZoneCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Resources = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorResourceHours", x => new { x.Hour, x.CommuneCode, x.Kind, x.Released, x.DurationTicks });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorResourceHours_CommuneCode_Hour",
                table: "IndicatorResourceHours",
                columns: new[] { "CommuneCode", "Hour" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorResourceHours_DepartmentCode_Hour",
                table: "IndicatorResourceHours",
                columns: new[] { "DepartmentCode", "Hour" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorResourceHours_ZoneCode_Hour",
                table: "IndicatorResourceHours",
                columns: new[] { "ZoneCode", "Hour" });

            // The resource rows' own « build » mark: the next refresh builds them in one pass over the incidents, without
            // rebuilding the other pre-aggregates; until then readers of these two indicators use the incidents alone.
            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f05"), 1227298701312000000L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "IndicatorOpenedHourMarks",
                keyColumn: "Id",
                keyValue: new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f05"));

            migrationBuilder.DropTable(
                name: "IndicatorResourceHours");
        }
    }
}
