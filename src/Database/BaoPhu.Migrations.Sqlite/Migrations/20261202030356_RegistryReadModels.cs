using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RegistryReadModels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_employer",
                columns: table => new
                {
                    tax_code = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    name_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    vsic = table.Column<string>(type: "TEXT", maxLength: 5, nullable: true),
                    unit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    in_business_registry = table.Column<bool>(type: "INTEGER", nullable: false),
                    status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    status_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    founded_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    si_unit_code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    si_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    si_registered_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    si_status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    si_unit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    last_period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_employer", x => x.tax_code);
                });

            migrationBuilder.CreateTable(
                name: "registry_employer_month",
                columns: table => new
                {
                    tax_code = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    tax_employees = table.Column<int>(type: "INTEGER", nullable: false),
                    gross_income = table.Column<long>(type: "INTEGER", nullable: false),
                    si_participants = table.Column<int>(type: "INTEGER", nullable: false),
                    insured_wages = table.Column<long>(type: "INTEGER", nullable: false),
                    contributions_due = table.Column<long>(type: "INTEGER", nullable: true),
                    contributions_paid = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_employer_month", x => new { x.tax_code, x.period });
                });

            migrationBuilder.CreateTable(
                name: "registry_employment",
                columns: table => new
                {
                    employer_tax_code = table.Column<string>(type: "TEXT", maxLength: 14, nullable: false),
                    period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false),
                    person_id = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    in_tax = table.Column<bool>(type: "INTEGER", nullable: false),
                    gross_income = table.Column<long>(type: "INTEGER", nullable: true),
                    scheme = table.Column<string>(type: "TEXT", maxLength: 12, nullable: true),
                    insured_wage = table.Column<long>(type: "INTEGER", nullable: true),
                    has_ui = table.Column<bool>(type: "INTEGER", nullable: true),
                    benefit = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_employment", x => new { x.employer_tax_code, x.period, x.person_id });
                });

            migrationBuilder.CreateTable(
                name: "registry_worker",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    person_id = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    name_key = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    gender = table.Column<string>(type: "TEXT", maxLength: 1, nullable: true),
                    unit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    si_number = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    last_period = table.Column<string>(type: "TEXT", maxLength: 7, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_worker", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_registry_employer_name_key",
                table: "registry_employer",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "ix_registry_employer_si_unit_code",
                table: "registry_employer",
                column: "si_unit_code");

            migrationBuilder.CreateIndex(
                name: "ix_registry_employer_unit_id",
                table: "registry_employer",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_employer_month_period",
                table: "registry_employer_month",
                column: "period");

            migrationBuilder.CreateIndex(
                name: "ix_registry_employment_period",
                table: "registry_employment",
                column: "period");

            migrationBuilder.CreateIndex(
                name: "ix_registry_employment_person_id_period",
                table: "registry_employment",
                columns: new[] { "person_id", "period" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_worker_name_key",
                table: "registry_worker",
                column: "name_key");

            migrationBuilder.CreateIndex(
                name: "ix_registry_worker_person_id",
                table: "registry_worker",
                column: "person_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_worker_si_number",
                table: "registry_worker",
                column: "si_number");

            migrationBuilder.CreateIndex(
                name: "ix_registry_worker_unit_id",
                table: "registry_worker",
                column: "unit_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_employer");

            migrationBuilder.DropTable(
                name: "registry_employer_month");

            migrationBuilder.DropTable(
                name: "registry_employment");

            migrationBuilder.DropTable(
                name: "registry_worker");
        }
    }
}
