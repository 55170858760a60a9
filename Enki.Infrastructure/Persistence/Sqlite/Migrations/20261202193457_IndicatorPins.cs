using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class IndicatorPins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "IndicatorPins",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Board = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CrisisId = table.Column<Guid>(type: "TEXT", nullable: true),
                    WallScope = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    View = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PinnedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    PinnedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    PinnedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorPins", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorPins_Crises_CrisisId",
                        column: x => x.CrisisId,
                        principalTable: "Crises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorPins_CrisisId",
                table: "IndicatorPins",
                column: "CrisisId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorPins_WallScope",
                table: "IndicatorPins",
                column: "WallScope");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "IndicatorPins");
        }
    }
}
