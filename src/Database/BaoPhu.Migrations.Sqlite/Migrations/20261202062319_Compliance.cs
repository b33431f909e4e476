using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Compliance : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "compliance_candidate",
                columns: table => new
                {
                    run_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    employer_tax_code = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    person_key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    person_id = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    weak_match = table.Column<bool>(type: "INTEGER", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    unit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    amount = table.Column<long>(type: "INTEGER", nullable: true),
                    interest = table.Column<long>(type: "INTEGER", nullable: true),
                    evidence_feed = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    evidence_intake = table.Column<Guid>(type: "TEXT", nullable: true),
                    evidence_row = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "compliance_finding",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    employer_tax_code = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    person_key = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    person_id = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    weak_match = table.Column<bool>(type: "INTEGER", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    unit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    amount = table.Column<long>(type: "INTEGER", nullable: true),
                    interest = table.Column<long>(type: "INTEGER", nullable: true),
                    evidence_feed = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    evidence_intake = table.Column<Guid>(type: "TEXT", nullable: true),
                    evidence_row = table.Column<int>(type: "INTEGER", nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    first_found_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_found_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    last_run_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    gone = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compliance_finding", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "compliance_run",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    unit_code = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    started_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    finished_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    counts = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    @new = table.Column<int>(name: "new", type: "INTEGER", nullable: false),
                    gone = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compliance_run", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_compliance_finding_employer_tax_code",
                table: "compliance_finding",
                column: "employer_tax_code");

            migrationBuilder.CreateIndex(
                name: "ix_compliance_finding_kind_employer_tax_code_person_key_period",
                table: "compliance_finding",
                columns: new[] { "kind", "employer_tax_code", "person_key", "period" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_compliance_finding_period_kind",
                table: "compliance_finding",
                columns: new[] { "period", "kind" });

            migrationBuilder.CreateIndex(
                name: "ix_compliance_finding_unit_id",
                table: "compliance_finding",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_compliance_run_started_at",
                table: "compliance_run",
                column: "started_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "compliance_candidate");

            migrationBuilder.DropTable(
                name: "compliance_finding");

            migrationBuilder.DropTable(
                name: "compliance_run");
        }
    }
}
