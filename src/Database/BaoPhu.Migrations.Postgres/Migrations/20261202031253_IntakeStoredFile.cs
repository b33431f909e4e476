using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class IntakeStoredFile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "stored_file",
                table: "feeds_intake",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "stored_file",
                table: "feeds_intake");
        }
    }
}
