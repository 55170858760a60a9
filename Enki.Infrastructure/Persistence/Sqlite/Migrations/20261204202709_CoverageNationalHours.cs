using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CoverageNationalHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorCoverageNationalHours",
                columns: table => new
                {
                    Hour = table.Column<long>(type: "INTEGER", nullable: false),
                    Durations = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorCoverageNationalHours", x => x.Hour);
                });

            // Its first build, from the coverage rows by commune; until it is over the indicators read those rows as before.
            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f08"), 1227304009728000000L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorCoverageNationalHours");

            migrationBuilder.DeleteData(
                table: "IndicatorOpenedHourMarks",
                keyColumn: "Id",
                keyValue: new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f08"));
        }
    }
}
