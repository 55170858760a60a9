using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class VictimsChangedIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Events_VictimsChanged",
                table: "Events",
                columns: new[] { "OccurredAt", "SubjectId" },
                filter: "\"Type\" = 'incident.victims-changed'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Events_VictimsChanged",
                table: "Events");
        }
    }
}
