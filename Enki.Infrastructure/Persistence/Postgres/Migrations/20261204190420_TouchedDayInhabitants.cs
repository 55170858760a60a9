using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class TouchedDayInhabitants : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "CommuneCount",
                table: "IndicatorTouchedDepartmentDays",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "Inhabitants",
                table: "IndicatorTouchedDepartmentDays",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<int>(
                name: "Populations",
                table: "IndicatorTouchedDepartmentDays",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // The touched days' first build again (delete then insert: a new database already holds its mark): it sums every row's
            // inhabitants; until it is over the indicators read the hours as before.
            migrationBuilder.DeleteData(
                table: "IndicatorOpenedHourMarks",
                keyColumn: "Id",
                keyValue: new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f07"));

            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f07"), new DateTimeOffset(new DateTime(1900, 1, 4, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)) });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CommuneCount",
                table: "IndicatorTouchedDepartmentDays");

            migrationBuilder.DropColumn(
                name: "Inhabitants",
                table: "IndicatorTouchedDepartmentDays");

            migrationBuilder.DropColumn(
                name: "Populations",
                table: "IndicatorTouchedDepartmentDays");
        }
    }
}
