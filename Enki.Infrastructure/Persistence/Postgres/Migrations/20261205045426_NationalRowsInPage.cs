using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Enki.Infrastructure.Persistence.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class NationalRowsInPage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "IndicatorGridNationalHours")
                .Annotation("Npgsql:StorageParameter:toast_tuple_target", 8160);

            migrationBuilder.AlterTable(
                name: "IndicatorCoverageNationalHours")
                .Annotation("Npgsql:StorageParameter:toast_tuple_target", 8160);

            // The rows already written stay in the TOAST table until written again: a new value (the same bytes) is stored in the row.
            migrationBuilder.Sql("""UPDATE "IndicatorGridNationalHours" SET "Squares" = "Squares" || ''::bytea;""");
            migrationBuilder.Sql("""UPDATE "IndicatorCoverageNationalHours" SET "Durations" = "Durations" || ''::bytea;""");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterTable(
                name: "IndicatorGridNationalHours")
                .OldAnnotation("Npgsql:StorageParameter:toast_tuple_target", 8160);

            migrationBuilder.AlterTable(
                name: "IndicatorCoverageNationalHours")
                .OldAnnotation("Npgsql:StorageParameter:toast_tuple_target", 8160);
        }
    }
}
