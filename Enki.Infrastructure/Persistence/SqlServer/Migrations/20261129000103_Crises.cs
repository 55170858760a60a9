using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Crises : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Crises",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EndedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    IsExercise = table.Column<bool>(type: "bit", nullable: false),
                    CreatedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    IncidentIds = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Crises", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CrisisParticipants",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Reference = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Right = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    CrisisId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrisisParticipants", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrisisParticipants_Crises_CrisisId",
                        column: x => x.CrisisId,
                        principalTable: "Crises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CrisisTerritories",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CommuneCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    DepartmentCode = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: true),
                    ZoneCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    CrisisId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CrisisTerritories", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CrisisTerritories_Crises_CrisisId",
                        column: x => x.CrisisId,
                        principalTable: "Crises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "LogbookEntries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CrisisId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AuthorId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    AuthorOrganisation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    Tags = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    TagList = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    Corrects = table.Column<Guid>(type: "uniqueidentifier", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LogbookEntries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LogbookEntries_Crises_CrisisId",
                        column: x => x.CrisisId,
                        principalTable: "Crises",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Crises_StartedAt",
                table: "Crises",
                column: "StartedAt");

            migrationBuilder.CreateIndex(
                name: "IX_CrisisParticipants_CrisisId",
                table: "CrisisParticipants",
                column: "CrisisId");

            migrationBuilder.CreateIndex(
                name: "IX_CrisisParticipants_Reference",
                table: "CrisisParticipants",
                column: "Reference");

            migrationBuilder.CreateIndex(
                name: "IX_CrisisTerritories_CommuneCode",
                table: "CrisisTerritories",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_CrisisTerritories_CrisisId",
                table: "CrisisTerritories",
                column: "CrisisId");

            migrationBuilder.CreateIndex(
                name: "IX_CrisisTerritories_DepartmentCode",
                table: "CrisisTerritories",
                column: "DepartmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_CrisisTerritories_ZoneCode",
                table: "CrisisTerritories",
                column: "ZoneCode");

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_Corrects",
                table: "LogbookEntries",
                column: "Corrects");

            migrationBuilder.CreateIndex(
                name: "IX_LogbookEntries_CrisisId_At",
                table: "LogbookEntries",
                columns: new[] { "CrisisId", "At" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CrisisParticipants");

            migrationBuilder.DropTable(
                name: "CrisisTerritories");

            migrationBuilder.DropTable(
                name: "LogbookEntries");

            migrationBuilder.DropTable(
                name: "Crises");
        }
    }
}
