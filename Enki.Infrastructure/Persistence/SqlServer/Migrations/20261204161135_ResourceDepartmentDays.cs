using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class ResourceDepartmentDays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorResourceDepartmentDays",
                columns: table => new
                {
                    Day = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Released = table.Column<bool>(type: "bit", nullable: false),
                    DurationTicks = table.Column<long>(type: "bigint", nullable: false),
                    ZoneCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Resources = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorResourceDepartmentDays", x => new { x.Day, x.DepartmentCode, x.Kind, x.Released, x.DurationTicks });
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorResourceDepartmentDays_DepartmentCode_Day",
                table: "IndicatorResourceDepartmentDays",
                columns: new[] { "DepartmentCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorResourceDepartmentDays_ZoneCode_Day",
                table: "IndicatorResourceDepartmentDays",
                columns: new[] { "ZoneCode", "Day" });

            // The resources' first build again (delete then insert: a new database already holds its mark): it fills the department
            // level from the same pass; until it is over the indicators read the incidents as before.
            migrationBuilder.DeleteData(
                table: "IndicatorOpenedHourMarks",
                keyColumn: "Id",
                keyValue: new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f05"));

            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f05"), new DateTimeOffset(new DateTime(1900, 1, 2, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorResourceDepartmentDays");
        }
    }
}
