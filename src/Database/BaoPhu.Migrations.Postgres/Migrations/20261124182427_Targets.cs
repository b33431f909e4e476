using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Targets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "targets_actual",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    source = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    received_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_targets_actual", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "targets_decision",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    number = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    date = table.Column<DateOnly>(type: "date", nullable: false),
                    body = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    approved_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    approved_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_targets_decision", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "targets_rollup",
                columns: table => new
                {
                    basis = table.Column<DateOnly>(type: "date", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    indicator = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    measure = table.Column<int>(type: "integer", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    month = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    as_of_month = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_targets_rollup", x => new { x.basis, x.unit_id, x.indicator, x.measure, x.year, x.month });
                });

            migrationBuilder.CreateTable(
                name: "targets_target",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    unit_id = table.Column<Guid>(type: "uuid", nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    indicator = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    version = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(20,6)", precision: 20, scale: 6, nullable: false),
                    state = table.Column<int>(type: "integer", nullable: false),
                    origin = table.Column<int>(type: "integer", nullable: false),
                    decision_id = table.Column<Guid>(type: "uuid", nullable: true),
                    set_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    set_by = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_targets_target", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_targets_actual_indicator_unit_id_year_month",
                table: "targets_actual",
                columns: new[] { "indicator", "unit_id", "year", "month" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_targets_actual_year_month",
                table: "targets_actual",
                columns: new[] { "year", "month" });

            migrationBuilder.CreateIndex(
                name: "ix_targets_decision_unit_id_year",
                table: "targets_decision",
                columns: new[] { "unit_id", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_targets_rollup_basis_year",
                table: "targets_rollup",
                columns: new[] { "basis", "year" });

            migrationBuilder.CreateIndex(
                name: "ix_targets_target_unit_id_year_indicator_version",
                table: "targets_target",
                columns: new[] { "unit_id", "year", "indicator", "version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_targets_target_year_indicator",
                table: "targets_target",
                columns: new[] { "year", "indicator" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "targets_actual");

            migrationBuilder.DropTable(
                name: "targets_decision");

            migrationBuilder.DropTable(
                name: "targets_rollup");

            migrationBuilder.DropTable(
                name: "targets_target");
        }
    }
}
