using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddVigilance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "VigilanceAtLeast",
                table: "WarningRules",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "VigilanceQuarantine",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceivedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VigilanceQuarantine", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Vigilances",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AreaCode = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AreaLabel = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    CommuneCode = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: true),
                    ZoneCode = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Phenomenon = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    PhenomenonLabel = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Day = table.Column<int>(type: "INTEGER", nullable: false),
                    Colour = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ValidFrom = table.Column<long>(type: "INTEGER", nullable: true),
                    ValidTo = table.Column<long>(type: "INTEGER", nullable: true),
                    Communes = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Vigilances", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_VigilanceQuarantine_ReceivedAt",
                table: "VigilanceQuarantine",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Vigilances_DepartmentCode_Day",
                table: "Vigilances",
                columns: new[] { "DepartmentCode", "Day" });

            migrationBuilder.CreateIndex(
                name: "IX_Vigilances_Key",
                table: "Vigilances",
                column: "Key",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "VigilanceQuarantine");

            migrationBuilder.DropTable(
                name: "Vigilances");

            migrationBuilder.DropColumn(
                name: "VigilanceAtLeast",
                table: "WarningRules");
        }
    }
}
