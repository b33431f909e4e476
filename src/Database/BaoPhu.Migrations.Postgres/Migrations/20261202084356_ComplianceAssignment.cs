using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace BaoPhu.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ComplianceAssignment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "assigned_agency",
                table: "compliance_finding_event",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "assigned_unit_id",
                table: "compliance_finding_event",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_compliance_finding_assigned_agency",
                table: "compliance_finding",
                column: "assigned_agency");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_compliance_finding_assigned_agency",
                table: "compliance_finding");

            migrationBuilder.DropColumn(
                name: "assigned_agency",
                table: "compliance_finding_event");

            migrationBuilder.DropColumn(
                name: "assigned_unit_id",
                table: "compliance_finding_event");
        }
    }
}
