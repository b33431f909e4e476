using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Sqlite.Migrations
{
    /// <summary>The audit log refuses updates and deletes: history cannot be rewritten through the application.</summary>
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
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
            migrationBuilder.Sql("DROP TRIGGER platform_audit_log_no_update;");
            migrationBuilder.Sql("DROP TRIGGER platform_audit_log_no_delete;");
        }
    }
}
