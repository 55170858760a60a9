using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Mobilisation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "MobilisationRequests",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Object = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    ResourceKind = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Quantity = table.Column<int>(type: "int", nullable: true),
                    Unit = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    PlaceText = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    PlaceCommune = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    Priority = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Deadline = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    CrisisId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    IssuerId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    IssuerName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    IssuerOrganisation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    IssuerProfile = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    IssuerJurisdiction = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    RecipientKind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    RecipientCode = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    RecipientName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    CommuneCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    DepartmentCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    ZoneCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    OverdueNotifiedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    History = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    IncidentIds = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MobilisationRequests", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MobilisationRequests_CommuneCode_Deadline",
                table: "MobilisationRequests",
                columns: new[] { "CommuneCode", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_MobilisationRequests_CrisisId",
                table: "MobilisationRequests",
                column: "CrisisId");

            migrationBuilder.CreateIndex(
                name: "IX_MobilisationRequests_IssuerJurisdiction_IssuerProfile_IssuedAt",
                table: "MobilisationRequests",
                columns: new[] { "IssuerJurisdiction", "IssuerProfile", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_MobilisationRequests_OverdueNotifiedAt_Deadline",
                table: "MobilisationRequests",
                columns: new[] { "OverdueNotifiedAt", "Deadline" });

            migrationBuilder.CreateIndex(
                name: "IX_MobilisationRequests_RecipientKind_RecipientCode_Status",
                table: "MobilisationRequests",
                columns: new[] { "RecipientKind", "RecipientCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MobilisationRequests");
        }
    }
}
