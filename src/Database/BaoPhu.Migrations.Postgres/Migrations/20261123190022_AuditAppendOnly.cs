using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Postgres.Migrations
{
    /// <summary>The audit log refuses updates and deletes: history cannot be rewritten through the application.</summary>
    public partial class AuditAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION platform_audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    RAISE EXCEPTION 'platform_audit_log is append-only';
                END
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER platform_audit_log_no_change BEFORE UPDATE OR DELETE ON platform_audit_log
                FOR EACH ROW EXECUTE FUNCTION platform_audit_log_append_only();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER platform_audit_log_no_truncate BEFORE TRUNCATE ON platform_audit_log
                FOR EACH STATEMENT EXECUTE FUNCTION platform_audit_log_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER platform_audit_log_no_truncate ON platform_audit_log;");
            migrationBuilder.Sql("DROP TRIGGER platform_audit_log_no_change ON platform_audit_log;");
            migrationBuilder.Sql("DROP FUNCTION platform_audit_log_append_only();");
        }
    }
}
