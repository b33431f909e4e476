using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Jobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_job",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    parameters_json = table.Column<string>(type: "TEXT", nullable: false),
                    idempotency_key = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    state = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    done = table.Column<long>(type: "INTEGER", nullable: false),
                    total = table.Column<long>(type: "INTEGER", nullable: true),
                    message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    cancel_requested = table.Column<bool>(type: "INTEGER", nullable: false),
                    result_json = table.Column<string>(type: "TEXT", nullable: true),
                    error = table.Column<string>(type: "TEXT", nullable: true),
                    requested_by = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    requested_by_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_utc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    started_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    heartbeat_utc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ended_utc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_job", x => x.id);
                });

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
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_job");
        }
    }
}
