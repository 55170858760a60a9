using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ResourceStatusSpans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "FirstResourceStatusAt",
                table: "Incidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastResourceStatusAt",
                table: "Incidents",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_FirstResourceStatusAt_LastResourceStatusAt",
                table: "Incidents",
                columns: new[] { "FirstResourceStatusAt", "LastResourceStatusAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_LastResourceStatusAt_FirstResourceStatusAt",
                table: "Incidents",
                columns: new[] { "LastResourceStatusAt", "FirstResourceStatusAt" });

            // The resources' first build again (delete then insert: a new database already holds its mark): it writes the spans of the
            // incidents stored before them, and until it is over the indicators narrow the incidents as before.
            migrationBuilder.DeleteData(
                table: "IndicatorOpenedHourMarks",
                keyColumn: "Id",
                keyValue: new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f05"));

            migrationBuilder.InsertData(
                table: "IndicatorOpenedHourMarks",
                columns: new[] { "Id", "Hour" },
                values: new object[] { new Guid("5b1f3c1e-0d6a-4a57-9a8e-0e1c2b7a4f05"), 1227298701312000000L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Incidents_FirstResourceStatusAt_LastResourceStatusAt",
                table: "Incidents");

            migrationBuilder.DropIndex(
                name: "IX_Incidents_LastResourceStatusAt_FirstResourceStatusAt",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "FirstResourceStatusAt",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "LastResourceStatusAt",
                table: "Incidents");
        }
    }
}
