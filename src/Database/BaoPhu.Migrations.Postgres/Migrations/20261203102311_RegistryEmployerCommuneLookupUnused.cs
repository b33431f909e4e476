using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegistryEmployerCommuneLookupUnused : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_registry_employer_tax_code_unit_id",
                table: "registry_employer");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_registry_employer_tax_code_unit_id",
                table: "registry_employer",
                columns: new[] { "tax_code", "unit_id" });
        }
    }
}
