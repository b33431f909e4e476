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
            e.HasIndex(f => new { f.Kind, f.EmployerTaxCode, f.PersonKey, f.Period }).IsUnique();
            e.HasIndex(f => new { f.Period, f.Kind });
            e.HasIndex(f => f.UnitId);
            e.HasIndex(f => f.EmployerTaxCode);
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
