using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorOpenedNationalHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorOpenedNationalHours",
                columns: table => new
                {
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    NatureFamily = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
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
                    table.PrimaryKey("PK_IndicatorOpenedNationalHours", x => new { x.Hour, x.NatureFamily });
                });
            // « Every hour » again (OpenedHourMark.Everything's hour, another id): the national level is built by the
            // next refresh from every hour holding an incident; until then readers use the incidents alone.
            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f01"), 1227296931840000000L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "IndicatorOpenedHourMarks",
                keyColumn: "Id",
                keyValue: new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f01"));

            migrationBuilder.DropTable(
                name: "IndicatorOpenedNationalHours");
        }
    }
}
