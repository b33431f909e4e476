using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ComplianceReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "assigned_agency",
                table: "compliance_finding",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "assigned_unit_id",
                table: "compliance_finding",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "case_id",
                table: "compliance_finding",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "state_changed_at",
                table: "compliance_finding",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state_changed_by",
                table: "compliance_finding",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "state_reason",
                table: "compliance_finding",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "compliance_case",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    employer_tax_code = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    unit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    opened_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    opened_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compliance_case", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "compliance_finding_event",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    finding_id = table.Column<long>(type: "INTEGER", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    from = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    to = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compliance_finding_event", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "compliance_case_step",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    case_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount = table.Column<long>(type: "INTEGER", nullable: true),
                    document = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    note = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_compliance_case_step", x => x.id);
                    table.ForeignKey(
                        name: "fk_compliance_case_step_compliance_case_case_id",
                        column: x => x.case_id,
                        principalTable: "compliance_case",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_compliance_case_employer_tax_code",
                table: "compliance_case",
                column: "employer_tax_code");

            migrationBuilder.CreateIndex(
                name: "ix_compliance_case_unit_id",
                table: "compliance_case",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_compliance_case_step_case_id",
                table: "compliance_case_step",
                column: "case_id");

            migrationBuilder.CreateIndex(
                name: "ix_compliance_finding_event_finding_id",
                table: "compliance_finding_event",
                column: "finding_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "compliance_case_step");

            migrationBuilder.DropTable(
                name: "compliance_finding_event");

            migrationBuilder.DropTable(
                name: "compliance_case");

            migrationBuilder.DropColumn(
                name: "assigned_agency",
                table: "compliance_finding");

            migrationBuilder.DropColumn(
                name: "assigned_unit_id",
                table: "compliance_finding");

            migrationBuilder.DropColumn(
                name: "case_id",
                table: "compliance_finding");

            migrationBuilder.DropColumn(
                name: "state_changed_at",
                table: "compliance_finding");

            migrationBuilder.DropColumn(
                name: "state_changed_by",
                table: "compliance_finding");

            migrationBuilder.DropColumn(
                name: "state_reason",
                table: "compliance_finding");
        }
    }
}
