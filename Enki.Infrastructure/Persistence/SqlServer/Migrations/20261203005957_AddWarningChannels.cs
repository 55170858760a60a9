using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddWarningChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "NextAttemptAt",
                table: "WarningDeliveries",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "WarningAcknowledgementLinks",
                columns: table => new
                {
                    Hash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    DeliveryId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WarningId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ExpiresAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UsedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningAcknowledgementLinks", x => x.Hash);
                    table.ForeignKey(
                        name: "FK_WarningAcknowledgementLinks_WarningDeliveries_DeliveryId",
                        column: x => x.DeliveryId,
                        principalTable: "WarningDeliveries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WarningDeliveries_State_NextAttemptAt",
                table: "WarningDeliveries",
                columns: new[] { "State", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_WarningAcknowledgementLinks_DeliveryId",
                table: "WarningAcknowledgementLinks",
                column: "DeliveryId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WarningAcknowledgementLinks");

            migrationBuilder.DropIndex(
                name: "IX_WarningDeliveries_State_NextAttemptAt",
                table: "WarningDeliveries");

            migrationBuilder.DropColumn(
                name: "NextAttemptAt",
                table: "WarningDeliveries");
        }
    }
}
