using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AspectArrivalOrder : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "QualificationArrival",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "StatusArrival",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<long>(
                name: "VictimsArrival",
                table: "Incidents",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "QualificationArrival",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "StatusArrival",
                table: "Incidents");

            migrationBuilder.DropColumn(
                name: "VictimsArrival",
                table: "Incidents");
        }
    }
}
