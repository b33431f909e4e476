using BaoPhu.Targets.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Targets.Data;

/// <summary>
/// The module's tables. Unit ids point at <c>units_unit</c> without a foreign key: modules own their
/// tables and meet only through Contracts, and unit versions are never deleted.
/// </summary>
internal static class TargetsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<TargetVersion>(target =>
        {
            target.ToTable("targets_target");
            target.HasKey(t => t.Id);
            target.Property(t => t.Indicator).HasMaxLength(60);
            target.Property(t => t.Value).HasPrecision(20, 6);
            target.Property(t => t.SetBy).HasMaxLength(256);
            target.HasIndex(t => new { t.UnitId, t.Year, t.Indicator, t.Version }).IsUnique();
            target.HasIndex(t => new { t.Year, t.Indicator });
        });

        builder.Entity<TargetDecisionRecord>(decision =>
        {
            decision.ToTable("targets_decision");
            decision.HasKey(d => d.Id);
            decision.Property(d => d.Number).HasMaxLength(60);
            decision.Property(d => d.Body).HasMaxLength(200);
            decision.Property(d => d.Note).HasMaxLength(1000);
            decision.Property(d => d.ApprovedBy).HasMaxLength(256);
            decision.HasIndex(d => new { d.UnitId, d.Year });
        });

        builder.Entity<ActualValue>(actual =>
        {
            actual.ToTable("targets_actual");
            actual.HasKey(a => a.Id);
            actual.Property(a => a.Indicator).HasMaxLength(60);
            actual.Property(a => a.Value).HasPrecision(20, 6);
            actual.Property(a => a.Source).HasMaxLength(260);
            actual.HasIndex(a => new { a.Indicator, a.UnitId, a.Year, a.Month }).IsUnique();
            actual.HasIndex(a => new { a.Year, a.Month });
        });

        builder.Entity<RollupValue>(rollup =>
        {
            rollup.ToTable("targets_rollup");
            rollup.HasKey(r => new { r.Basis, r.UnitId, r.Indicator, r.Measure, r.Year, r.Month });
            rollup.Property(r => r.Indicator).HasMaxLength(60);
            rollup.Property(r => r.Value).HasPrecision(20, 6);
            rollup.HasIndex(r => new { r.Basis, r.Year });
        });
    }
}
