using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ComplianceFindingIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_compliance_finding_assigned_agency",
                table: "compliance_finding");

            migrationBuilder.DropIndex(
                name: "ix_compliance_finding_employer_tax_code",
                table: "compliance_finding");

            migrationBuilder.DropIndex(
                name: "ix_compliance_finding_kind_employer_tax_code_person_key_period",
                table: "compliance_finding");

            migrationBuilder.CreateIndex(
                name: "ix_compliance_finding_employer_tax_code_kind_period_person_key",
                table: "compliance_finding",
                columns: new[] { "employer_tax_code", "kind", "period", "person_key" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_compliance_finding_employer_tax_code_kind_period_person_key",
                table: "compliance_finding");

            migrationBuilder.CreateIndex(
                name: "ix_compliance_finding_assigned_agency",
                table: "compliance_finding",
                column: "assigned_agency");

            migrationBuilder.CreateIndex(
                name: "ix_compliance_finding_employer_tax_code",
                table: "compliance_finding",
                column: "employer_tax_code");

            migrationBuilder.CreateIndex(
                name: "ix_compliance_finding_kind_employer_tax_code_person_key_period",
                table: "compliance_finding",
                columns: new[] { "kind", "employer_tax_code", "person_key", "period" },
                unique: true);
        }
    }
}
