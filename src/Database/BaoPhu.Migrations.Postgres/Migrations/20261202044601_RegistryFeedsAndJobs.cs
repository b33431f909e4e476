using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace BaoPhu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegistryFeedsAndJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "feeds_intake",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    feed = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    file_name = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    mapping = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    stored_file = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    outcome = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    replaced_by = table.Column<Guid>(type: "uuid", nullable: true),
                    rows = table.Column<int>(type: "integer", nullable: false),
                    imported = table.Column<int>(type: "integer", nullable: false),
                    rejected = table.Column<int>(type: "integer", nullable: false),
                    replaced = table.Column<int>(type: "integer", nullable: false),
                    warnings = table.Column<int>(type: "integer", nullable: false),
                    problem_count = table.Column<int>(type: "integer", nullable: false),
                    encoding = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    requested_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    started_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ended_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feeds_intake", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "feeds_mapping",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    feed = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    agency = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    columns = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    updated_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    updated_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feeds_mapping", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "feeds_problem",
                columns: table => new
                {
                    intake_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    is_warning = table.Column<bool>(type: "boolean", nullable: false),
                    row = table.Column<int>(type: "integer", nullable: true),
                    column = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    value = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    message = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_feeds_problem", x => new { x.intake_id, x.number });
                });

            migrationBuilder.CreateTable(
                name: "platform_job",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    parameters_json = table.Column<string>(type: "text", nullable: false),
                    idempotency_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    state = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    done = table.Column<long>(type: "bigint", nullable: false),
                    total = table.Column<long>(type: "bigint", nullable: true),
                    message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    cancel_requested = table.Column<bool>(type: "boolean", nullable: false),
                    result_json = table.Column<string>(type: "text", nullable: true),
                    error = table.Column<string>(type: "text", nullable: true),
                    requested_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    requested_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    started_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    heartbeat_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ended_utc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_job", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_benefit_recipient",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_row = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    person_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    residence_commune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    benefit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "registry_business",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_row = table.Column<int>(type: "integer", nullable: false),
                    tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    vsic = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    commune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    founded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    status_on = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "registry_employer",
                columns: table => new
                {
                    tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    name_key = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    kind = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    vsic = table.Column<string>(type: "character varying(5)", maxLength: 5, nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    in_business_registry = table.Column<bool>(type: "boolean", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    status_on = table.Column<DateOnly>(type: "date", nullable: true),
                    founded_on = table.Column<DateOnly>(type: "date", nullable: true),
                    si_unit_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    si_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    si_registered_on = table.Column<DateOnly>(type: "date", nullable: true),
                    si_status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    si_unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    last_period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_employer", x => x.tax_code);
                });

            migrationBuilder.CreateTable(
                name: "registry_employer_month",
                columns: table => new
                {
                    tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    tax_employees = table.Column<int>(type: "integer", nullable: false),
                    gross_income = table.Column<long>(type: "bigint", nullable: false),
                    si_participants = table.Column<int>(type: "integer", nullable: false),
                    insured_wages = table.Column<long>(type: "bigint", nullable: false),
                    contributions_due = table.Column<long>(type: "bigint", nullable: true),
                    contributions_paid = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_employer_month", x => new { x.tax_code, x.period });
                });

            migrationBuilder.CreateTable(
                name: "registry_employment",
                columns: table => new
                {
                    employer_tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    person_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    full_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    in_tax = table.Column<bool>(type: "boolean", nullable: false),
                    gross_income = table.Column<long>(type: "bigint", nullable: true),
                    scheme = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    insured_wage = table.Column<long>(type: "bigint", nullable: true),
                    has_ui = table.Column<bool>(type: "boolean", nullable: true),
                    benefit = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_employment", x => new { x.employer_tax_code, x.period, x.person_id });
                });

            migrationBuilder.CreateTable(
                name: "registry_labour_statistics",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_row = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    commune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    population = table.Column<int>(type: "integer", nullable: false),
                    working_age_labour_force = table.Column<int>(type: "integer", nullable: false),
                    working_abroad = table.Column<int>(type: "integer", nullable: false),
                    working_out_of_province = table.Column<int>(type: "integer", nullable: false),
                    in_military_service = table.Column<int>(type: "integer", nullable: false),
                    past_retirement_age = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "registry_si_contribution",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_row = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    employer_tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    amount_due = table.Column<long>(type: "bigint", nullable: false),
                    amount_paid = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "registry_si_employer",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_row = table.Column<int>(type: "integer", nullable: false),
                    employer_tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    si_unit_code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    commune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    registered_on = table.Column<DateOnly>(type: "date", nullable: false),
                    status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "registry_si_participation",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_row = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    si_number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    person_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    full_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    gender = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: false),
                    residence_commune_id = table.Column<Guid>(type: "uuid", nullable: false),
                    scheme = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    employer_tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: true),
                    insured_wage = table.Column<long>(type: "bigint", nullable: false),
                    has_ui = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "registry_tax_employee",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_row = table.Column<int>(type: "integer", nullable: false),
                    period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    employer_tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    person_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: true),
                    full_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    gross_income = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "registry_tax_payroll",
                columns: table => new
                {
                    batch_id = table.Column<Guid>(type: "uuid", nullable: false),
                    source_row = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    employer_tax_code = table.Column<string>(type: "character varying(14)", maxLength: 14, nullable: false),
                    employee_count = table.Column<int>(type: "integer", nullable: false),
                    payroll_total = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                });

            migrationBuilder.CreateTable(
                name: "registry_worker",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    person_id = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    full_name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    name_key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    gender = table.Column<string>(type: "character varying(1)", maxLength: 1, nullable: true),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: true),
                    si_number = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    last_period = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_worker", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_feeds_intake_feed_period_outcome",
                table: "feeds_intake",
                columns: new[] { "feed", "period", "outcome" });

            migrationBuilder.CreateIndex(
                name: "ix_feeds_mapping_name",
                table: "feeds_mapping",
                column: "name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_platform_job_created_utc",
                table: "platform_job",
                column: "created_utc");

            migrationBuilder.CreateIndex(
                name: "ix_platform_job_kind_idempotency_key",
                table: "platform_job",
                columns: new[] { "kind", "idempotency_key" },
                unique: true,
                filter: "\"idempotency_key\" IS NOT NULL AND \"state\" IN ('queued', 'running')");

            migrationBuilder.CreateIndex(
                name: "ix_platform_job_state_kind",
                table: "platform_job",
                columns: new[] { "state", "kind" });

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
                name: "feeds_intake");

            migrationBuilder.DropTable(
                name: "feeds_mapping");

            migrationBuilder.DropTable(
                name: "feeds_problem");

            migrationBuilder.DropTable(
                name: "platform_job");

            migrationBuilder.DropTable(
                name: "registry_benefit_recipient");

            migrationBuilder.DropTable(
                name: "registry_business");

            migrationBuilder.DropTable(
                name: "registry_employer");

            migrationBuilder.DropTable(
                name: "registry_employer_month");

            migrationBuilder.DropTable(
                name: "registry_employment");

            migrationBuilder.DropTable(
                name: "registry_labour_statistics");

            migrationBuilder.DropTable(
                name: "registry_si_contribution");

            migrationBuilder.DropTable(
                name: "registry_si_employer");

            migrationBuilder.DropTable(
                name: "registry_si_participation");

            migrationBuilder.DropTable(
                name: "registry_tax_employee");

            migrationBuilder.DropTable(
                name: "registry_tax_payroll");

            migrationBuilder.DropTable(
                name: "registry_worker");
        }
    }
}
