using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegistryEmploymentEvidence : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_registry_employment_period",
                table: "registry_employment");

            migrationBuilder.AddColumn<Guid>(
                name: "tax_batch_id",
                table: "registry_employment",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "tax_source_row",
                table: "registry_employment",
                type: "INTEGER",
                nullable: true);

            // The months already refreshed get their evidence now rather than at the next file of each.
            migrationBuilder.Sql("""
                UPDATE registry_employment SET tax_batch_id = t.batch_id, tax_source_row = t.source_row
                FROM (
                    SELECT employer_tax_code, period, person_id, MIN(batch_id) AS batch_id, MIN(source_row) AS source_row
                    FROM registry_tax_employee WHERE person_id IS NOT NULL
                    GROUP BY employer_tax_code, period, person_id
                ) t
                WHERE registry_employment.employer_tax_code = t.employer_tax_code AND registry_employment.period = t.period
                  AND registry_employment.person_id = t.person_id
                """);

            migrationBuilder.CreateIndex(
                name: "ix_registry_employment_period_person_id_scheme_in_tax",
                table: "registry_employment",
                columns: new[] { "period", "person_id", "scheme", "in_tax" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_registry_employment_period_person_id_scheme_in_tax",
                table: "registry_employment");

            migrationBuilder.DropColumn(
                name: "tax_batch_id",
                table: "registry_employment");

            migrationBuilder.DropColumn(
                name: "tax_source_row",
                table: "registry_employment");

            migrationBuilder.CreateIndex(
                name: "ix_registry_employment_period",
                table: "registry_employment",
                column: "period");
        }
    }
}
