using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorProgressChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Closed",
                table: "IndicatorOpenedNationalHours",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Ended",
                table: "IndicatorOpenedNationalHours",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Started",
                table: "IndicatorOpenedNationalHours",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Closed",
                table: "IndicatorOpenedHours",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Ended",
                table: "IndicatorOpenedHours",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Started",
                table: "IndicatorOpenedHours",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Closed",
                table: "IndicatorOpenedDepartmentDays",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Ended",
                table: "IndicatorOpenedDepartmentDays",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "Started",
                table: "IndicatorOpenedDepartmentDays",
                type: "int",
                nullable: false,
                defaultValue: 0);

            // « Every hour » again (OpenedHourMark.Everything's hour, another id): the progress changes are counted by the
            // next refresh for every hour holding an incident; until then readers use the incidents alone.
            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f03"), new DateTimeOffset(new DateTime(1900, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "IndicatorOpenedHourMarks",
                keyColumn: "Id",
                keyValue: new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f03"));

            migrationBuilder.DropColumn(
                name: "Closed",
                table: "IndicatorOpenedNationalHours");

            migrationBuilder.DropColumn(
                name: "Ended",
                table: "IndicatorOpenedNationalHours");

            migrationBuilder.DropColumn(
                name: "Started",
                table: "IndicatorOpenedNationalHours");

            migrationBuilder.DropColumn(
                name: "Closed",
                table: "IndicatorOpenedHours");

            migrationBuilder.DropColumn(
                name: "Ended",
                table: "IndicatorOpenedHours");

            migrationBuilder.DropColumn(
                name: "Started",
                table: "IndicatorOpenedHours");

            migrationBuilder.DropColumn(
                name: "Closed",
                table: "IndicatorOpenedDepartmentDays");

            migrationBuilder.DropColumn(
                name: "Ended",
                table: "IndicatorOpenedDepartmentDays");

            migrationBuilder.DropColumn(
                name: "Started",
                table: "IndicatorOpenedDepartmentDays");
        }
    }
}
