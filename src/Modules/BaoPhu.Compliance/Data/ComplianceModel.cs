using BaoPhu.Compliance.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Compliance.Data;

internal static class ComplianceModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<Finding>(e =>
        {
            e.ToTable("compliance_finding");
            e.HasKey(f => f.Id);
            e.Property(f => f.Kind).HasMaxLength(32);
            e.Property(f => f.EmployerTaxCode).HasMaxLength(14);
            e.Property(f => f.PersonKey).HasMaxLength(120);
            e.Property(f => f.PersonId).HasMaxLength(12);
            e.Property(f => f.Period).HasMaxLength(7);
            e.Property(f => f.EvidenceFeed).HasMaxLength(32);
            e.Property(f => f.State).HasConversion<string>().HasMaxLength(12);
            e.Property(f => f.StateReason).HasMaxLength(1000);
            e.Property(f => f.StateChangedBy).HasMaxLength(256);
            e.Property(f => f.AssignedAgency).HasMaxLength(40);
            // Every index is written for each finding a run adds (the run's main cost after the reading): the key
            // leads with the employer, so that it also serves the employer's findings (evidence sheet, risk,
            // cases); lists filter by period and kind, and by the unit scope. The assigned agency is a filter
            // among those, of a few values, and has no index of its own.
            e.HasIndex(f => new { f.EmployerTaxCode, f.Kind, f.Period, f.PersonKey }).IsUnique();
            e.HasIndex(f => new { f.Period, f.Kind });
            e.HasIndex(f => f.UnitId);
        });

        builder.Entity<FindingEvent>(e =>
        {
            e.ToTable("compliance_finding_event");
            e.HasKey(x => x.Id);
            e.Property(x => x.By).HasMaxLength(256);
            e.Property(x => x.From).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.To).HasConversion<string>().HasMaxLength(12);
            e.Property(x => x.Note).HasMaxLength(1000);
            e.Property(x => x.AssignedAgency).HasMaxLength(40);
            e.HasIndex(x => x.FindingId);
        });

        builder.Entity<EnforcementCase>(e =>
        {
            e.ToTable("compliance_case");
            e.HasKey(c => c.Id);
            e.Property(c => c.EmployerTaxCode).HasMaxLength(14);
            e.Property(c => c.OpenedBy).HasMaxLength(256);
            e.Ignore(c => c.Recovered);
            e.Ignore(c => c.Fined);
            e.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.CaseId);
            e.HasIndex(c => c.EmployerTaxCode);
            e.HasIndex(c => c.UnitId);
        });

        builder.Entity<CaseStep>(e =>
        {
            e.ToTable("compliance_case_step");
            e.HasKey(s => s.Id);
            e.Property(s => s.Kind).HasConversion<string>().HasMaxLength(20);
            e.Property(s => s.Document).HasMaxLength(200);
            e.Property(s => s.Note).HasMaxLength(1000);
            e.Property(s => s.By).HasMaxLength(256);
        });

        // Written and read by set-based SQL within one run: no key, no index (as the feed tables, ADR 0010).
        builder.Entity<FindingCandidate>(e =>
        {
            e.ToTable("compliance_candidate");
            e.HasNoKey();
            e.Property(c => c.Kind).HasMaxLength(32);
            e.Property(c => c.EmployerTaxCode).HasMaxLength(14);
            e.Property(c => c.PersonKey).HasMaxLength(120);
            e.Property(c => c.PersonId).HasMaxLength(12);
            e.Property(c => c.Period).HasMaxLength(7);
            e.Property(c => c.EvidenceFeed).HasMaxLength(32);
        });

        builder.Entity<CrossCheckRun>(e =>
        {
            e.ToTable("compliance_run");
            e.HasKey(r => r.Id);
            e.Property(r => r.Period).HasMaxLength(7);
            e.Property(r => r.UnitCode).HasMaxLength(10);
            e.Property(r => r.RequestedBy).HasMaxLength(256);
            e.Property(r => r.Counts).HasMaxLength(2000);
            e.HasIndex(r => r.StartedAt);
        });
    }
}
