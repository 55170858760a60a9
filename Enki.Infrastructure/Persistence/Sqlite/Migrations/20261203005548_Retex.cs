using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Retex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "AfterActionReviews",
                columns: table => new
                {
                    CrisisId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false),
                    Strengths = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Improvements = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UpdatedById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    UpdatedByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    FrozenAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FrozenById = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    FrozenByName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Actions = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AfterActionReviews", x => x.CrisisId);
                    table.ForeignKey(
                        name: "FK_AfterActionReviews_Crises_CrisisId",
                        column: x => x.CrisisId,
                        principalTable: "Crises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AfterActionReviews");
        }
    }
}
