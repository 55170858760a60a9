using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorOpenedHours : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorOpenedHourMarks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Hour = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorOpenedHourMarks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorOpenedHours",
                columns: table => new
                {
                    Hour = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CommuneCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    NatureFamily = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    ZoneCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Opened = table.Column<int>(type: "int", nullable: false),
                    Deceased = table.Column<int>(type: "int", nullable: false),
                    Red = table.Column<int>(type: "int", nullable: false),
                    Yellow = table.Column<int>(type: "int", nullable: false),
                    Green = table.Column<int>(type: "int", nullable: false),
                    Missing = table.Column<int>(type: "int", nullable: false),
                    Evacuated = table.Column<int>(type: "int", nullable: false),
                    Displaced = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorOpenedHours", x => new { x.Hour, x.CommuneCode, x.NatureFamily });
                });

            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f00"), new DateTimeOffset(new DateTime(1900, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorOpenedHourMarks_Hour",
                table: "IndicatorOpenedHourMarks",
                column: "Hour");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorOpenedHours_CommuneCode_Hour",
                table: "IndicatorOpenedHours",
                columns: new[] { "CommuneCode", "Hour" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorOpenedHours_DepartmentCode_Hour",
                table: "IndicatorOpenedHours",
                columns: new[] { "DepartmentCode", "Hour" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorOpenedHours_ZoneCode_Hour",
                table: "IndicatorOpenedHours",
                columns: new[] { "ZoneCode", "Hour" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorOpenedHourMarks");

            migrationBuilder.DropTable(
                name: "IndicatorOpenedHours");
        }
    }
}
