using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "platform_audit_log",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    actor_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    actor_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    entity = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    entity_id = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    detail = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_audit_log", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_role",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_role", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "platform_user",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    full_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    agency = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    unit_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    created_at = table.Column<DateTime>(type: "TEXT", nullable: false),
                    user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_user_name = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    normalized_email = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    email_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    password_hash = table.Column<string>(type: "TEXT", nullable: true),
                    security_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    concurrency_stamp = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number = table.Column<string>(type: "TEXT", nullable: true),
                    phone_number_confirmed = table.Column<bool>(type: "INTEGER", nullable: false),
                    two_factor_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    lockout_end = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    lockout_enabled = table.Column<bool>(type: "INTEGER", nullable: false),
                    access_failed_count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_user", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "units_unit",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    type_name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: false),
                    level = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    path = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    valid_from = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    valid_to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    search_text = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units_unit", x => x.id);
                    table.ForeignKey(
                        name: "fk_units_unit_units_unit_parent_id",
                        column: x => x.parent_id,
                        principalTable: "units_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "platform_role_claim",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_role_claim", x => x.id);
                    table.ForeignKey(
                        name: "fk_platform_role_claim_platform_role_role_id",
                        column: x => x.role_id,
                        principalTable: "platform_role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_claim",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    claim_type = table.Column<string>(type: "TEXT", nullable: true),
                    claim_value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_user_claim", x => x.id);
                    table.ForeignKey(
                        name: "fk_platform_user_claim_platform_user_user_id",
                        column: x => x.user_id,
                        principalTable: "platform_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_login",
                columns: table => new
                {
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    provider_key = table.Column<string>(type: "TEXT", nullable: false),
                    provider_display_name = table.Column<string>(type: "TEXT", nullable: true),
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_user_login", x => new { x.login_provider, x.provider_key });
                    table.ForeignKey(
                        name: "fk_platform_user_login_platform_user_user_id",
                        column: x => x.user_id,
                        principalTable: "platform_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_role",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    role_id = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_user_role", x => new { x.user_id, x.role_id });
                    table.ForeignKey(
                        name: "fk_platform_user_role_platform_role_role_id",
                        column: x => x.role_id,
                        principalTable: "platform_role",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_platform_user_role_platform_user_user_id",
                        column: x => x.user_id,
                        principalTable: "platform_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "platform_user_token",
                columns: table => new
                {
                    user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    login_provider = table.Column<string>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", nullable: false),
                    value = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_platform_user_token", x => new { x.user_id, x.login_provider, x.name });
                    table.ForeignKey(
                        name: "fk_platform_user_token_platform_user_user_id",
                        column: x => x.user_id,
                        principalTable: "platform_user",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "units_lineage_link",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    from_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    to_unit_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    kind = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    forward_share = table.Column<decimal>(type: "TEXT", precision: 9, scale: 8, nullable: true),
                    backward_share = table.Column<decimal>(type: "TEXT", precision: 9, scale: 8, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_units_lineage_link", x => x.id);
                    table.ForeignKey(
                        name: "fk_units_lineage_link_units_unit_from_unit_id",
                        column: x => x.from_unit_id,
                        principalTable: "units_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_units_lineage_link_units_unit_to_unit_id",
                        column: x => x.to_unit_id,
                        principalTable: "units_unit",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "ix_platform_audit_log_at",
                table: "platform_audit_log",
                column: "at");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "platform_role",
                column: "normalized_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_platform_role_claim_role_id",
                table: "platform_role_claim",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "platform_user",
                column: "normalized_email");

            migrationBuilder.CreateIndex(
                name: "ix_platform_user_unit_id",
                table: "platform_user",
                column: "unit_id");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "platform_user",
                column: "normalized_user_name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_platform_user_claim_user_id",
                table: "platform_user_claim",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_platform_user_login_user_id",
                table: "platform_user_login",
                column: "user_id");

            migrationBuilder.CreateIndex(
                name: "ix_platform_user_role_role_id",
                table: "platform_user_role",
                column: "role_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_lineage_link_from_unit_id_to_unit_id",
                table: "units_lineage_link",
                columns: new[] { "from_unit_id", "to_unit_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_units_lineage_link_to_unit_id",
                table: "units_lineage_link",
                column: "to_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_unit_code_valid_from",
                table: "units_unit",
                columns: new[] { "code", "valid_from" });

            migrationBuilder.CreateIndex(
                name: "ix_units_unit_parent_id",
                table: "units_unit",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_units_unit_path",
                table: "units_unit",
                column: "path");

            // The audit log refuses updates and deletes: history cannot be rewritten through the application.
            migrationBuilder.Sql("""
                CREATE TRIGGER platform_audit_log_no_update BEFORE UPDATE ON platform_audit_log
                BEGIN SELECT RAISE(ABORT, 'platform_audit_log is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER platform_audit_log_no_delete BEFORE DELETE ON platform_audit_log
                BEGIN SELECT RAISE(ABORT, 'platform_audit_log is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "platform_audit_log");

            migrationBuilder.DropTable(
                name: "platform_role_claim");

            migrationBuilder.DropTable(
                name: "platform_user_claim");

            migrationBuilder.DropTable(
                name: "platform_user_login");

            migrationBuilder.DropTable(
                name: "platform_user_role");

            migrationBuilder.DropTable(
                name: "platform_user_token");

            migrationBuilder.DropTable(
                name: "units_lineage_link");

            migrationBuilder.DropTable(
                name: "platform_role");

            migrationBuilder.DropTable(
                name: "platform_user");

            migrationBuilder.DropTable(
                name: "units_unit");
        }
    }
}
