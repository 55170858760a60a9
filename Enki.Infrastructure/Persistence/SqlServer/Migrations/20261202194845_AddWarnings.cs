using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AddWarnings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "WarningEscalationLists",
                columns: table => new
                {
                    OrganisationKey = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Steps = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningEscalationLists", x => x.OrganisationKey);
                });

            migrationBuilder.CreateTable(
                name: "WarningPreferences",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    QuietFrom = table.Column<TimeOnly>(type: "time", nullable: true),
                    QuietTo = table.Column<TimeOnly>(type: "time", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningPreferences", x => x.UserId);
                });

            migrationBuilder.CreateTable(
                name: "WarningRules",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OwnerKind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    OwnerCode = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    OwnerJurisdiction = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OwnerProfile = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Territory = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Urgent = table.Column<bool>(type: "bit", nullable: false),
                    Enabled = table.Column<bool>(type: "bit", nullable: false),
                    NatureFamilies = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Thresholds = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    BurstCount = table.Column<int>(type: "int", nullable: true),
                    EscalationDelay = table.Column<TimeSpan>(type: "time", nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningRules", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Warnings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RuleId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    RuleName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    OwnerKind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    OwnerCode = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CauseSequence = table.Column<long>(type: "bigint", nullable: false),
                    Title = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Detail = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    Urgent = table.Column<bool>(type: "bit", nullable: false),
                    SubjectKind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    CommuneCode = table.Column<string>(type: "nvarchar(5)", maxLength: 5, nullable: true),
                    DepartmentCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: true),
                    ZoneCode = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    EscalationDelay = table.Column<TimeSpan>(type: "time", nullable: true),
                    EscalationLevel = table.Column<int>(type: "int", nullable: false),
                    NextEscalationAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AcknowledgedById = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    AcknowledgedByName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: true),
                    Recipients = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Warnings", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "WarningDeliveries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    WarningId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UserName = table.Column<string>(type: "nvarchar(256)", maxLength: 256, nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Level = table.Column<int>(type: "int", nullable: false),
                    Silent = table.Column<bool>(type: "bit", nullable: false),
                    State = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ReadAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AcknowledgedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClaimedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WarningDeliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WarningDeliveries_Warnings_WarningId",
                        column: x => x.WarningId,
                        principalTable: "Warnings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_WarningDeliveries_State",
                table: "WarningDeliveries",
                column: "State");

            migrationBuilder.CreateIndex(
                name: "IX_WarningDeliveries_UserId_Channel_State",
                table: "WarningDeliveries",
                columns: new[] { "UserId", "Channel", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_WarningDeliveries_WarningId",
                table: "WarningDeliveries",
                column: "WarningId");

            migrationBuilder.CreateIndex(
                name: "IX_WarningRules_Enabled",
                table: "WarningRules",
                column: "Enabled");

            migrationBuilder.CreateIndex(
                name: "IX_WarningRules_OwnerKind_OwnerCode",
                table: "WarningRules",
                columns: new[] { "OwnerKind", "OwnerCode" });

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_AcknowledgedAt_NextEscalationAt",
                table: "Warnings",
                columns: new[] { "AcknowledgedAt", "NextEscalationAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_DepartmentCode_RaisedAt",
                table: "Warnings",
                columns: new[] { "DepartmentCode", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_OwnerCode_RaisedAt",
                table: "Warnings",
                columns: new[] { "OwnerCode", "RaisedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Warnings_RuleId_CauseSequence",
                table: "Warnings",
                columns: new[] { "RuleId", "CauseSequence" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "WarningDeliveries");

            migrationBuilder.DropTable(
                name: "WarningEscalationLists");

            migrationBuilder.DropTable(
                name: "WarningPreferences");

            migrationBuilder.DropTable(
                name: "WarningRules");

            migrationBuilder.DropTable(
                name: "Warnings");
        }
    }
}
