using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Incidents : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Incidents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    CaseId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    SenderCaseId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    SenderOrganisation = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    NatureCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    NatureLabel = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    NatureFamily = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    LocationKindLabel = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    Status = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    IsExercise = table.Column<bool>(type: "bit", nullable: false),
                    CommuneCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: false),
                    CommuneName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    ZoneCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Latitude = table.Column<double>(type: "float", nullable: true),
                    Longitude = table.Column<double>(type: "float", nullable: true),
                    Address = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    LocationDiscrepancy = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    Scale = table.Column<int>(type: "int", nullable: true),
                    Caller = table.Column<string>(type: "nvarchar(max)", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    QualificationAsOf = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    StatusAsOf = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    VictimsAsOf = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EngagedResourceCount = table.Column<int>(type: "int", nullable: false),
                    Missions = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Resources = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Timeline = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    VictimsDeceased = table.Column<int>(type: "int", nullable: false),
                    PeopleDisplaced = table.Column<int>(type: "int", nullable: false),
                    VictimEstimate = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    PeopleEvacuated = table.Column<int>(type: "int", nullable: false),
                    VictimsGreen = table.Column<int>(type: "int", nullable: false),
                    VictimsMissing = table.Column<int>(type: "int", nullable: false),
                    VictimsRed = table.Column<int>(type: "int", nullable: false),
                    VictimsYellow = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Incidents", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NexsisInbox",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(8)", maxLength: 8, nullable: false),
                    Sender = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ContentType = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    Payload = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    PayloadHash = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    DistributionId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    CaseId = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    State = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    WaitingSince = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Reason = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    Detail = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NexsisInbox", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "NexsisSync",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false),
                    Cursor = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    LastSuccessAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastFailureAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NexsisSync", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CaseId",
                table: "Incidents",
                column: "CaseId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CommuneCode",
                table: "Incidents",
                column: "CommuneCode");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_CreatedAt",
                table: "Incidents",
                column: "CreatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_DepartmentCode",
                table: "Incidents",
                column: "DepartmentCode");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_IsExercise_Status_UpdatedAt",
                table: "Incidents",
                columns: new[] { "IsExercise", "Status", "UpdatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_NatureFamily",
                table: "Incidents",
                column: "NatureFamily");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_UpdatedAt",
                table: "Incidents",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_Incidents_ZoneCode",
                table: "Incidents",
                column: "ZoneCode");

            migrationBuilder.CreateIndex(
                name: "IX_NexsisInbox_PayloadHash",
                table: "NexsisInbox",
                column: "PayloadHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_NexsisInbox_ReceivedAt",
                table: "NexsisInbox",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_NexsisInbox_State_CaseId",
                table: "NexsisInbox",
                columns: new[] { "State", "CaseId" });

            migrationBuilder.CreateIndex(
                name: "IX_NexsisInbox_State_Id",
                table: "NexsisInbox",
                columns: new[] { "State", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Incidents");

            migrationBuilder.DropTable(
                name: "NexsisInbox");

            migrationBuilder.DropTable(
                name: "NexsisSync");
        }
    }
}
