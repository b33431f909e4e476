using BaoPhu.Units.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Units.Data;

internal static class UnitsModel
{
    public static void Configure(ModelBuilder builder)
    {
        builder.Entity<AdministrativeUnit>(unit =>
        {
            unit.ToTable("units_unit");
            unit.HasKey(u => u.Id);
            unit.Property(u => u.Code).HasMaxLength(12);
            unit.Property(u => u.Name).HasMaxLength(200);
            unit.Property(u => u.TypeName).HasMaxLength(60);
            unit.Property(u => u.Path).HasMaxLength(120);
            unit.Property(u => u.SearchText).HasMaxLength(200);
            unit.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(u => u.ParentId).OnDelete(DeleteBehavior.Restrict);
            unit.HasIndex(u => new { u.Code, u.ValidFrom });
            // Prefix search on PostgreSQL uses this index only with pattern operators.
            unit.HasIndex(u => u.Path).HasOperators("text_pattern_ops");
            unit.HasIndex(u => u.ParentId);
        });

        builder.Entity<LineageLink>(link =>
        {
            link.ToTable("units_lineage_link");
            link.HasKey(l => l.Id);
            link.Property(l => l.Kind).HasConversion<string>().HasMaxLength(12);
            link.Property(l => l.ForwardShare).HasPrecision(9, 8);
            link.Property(l => l.BackwardShare).HasPrecision(9, 8);
            link.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(l => l.FromUnitId).OnDelete(DeleteBehavior.Restrict);
            link.HasOne<AdministrativeUnit>().WithMany().HasForeignKey(l => l.ToUnitId).OnDelete(DeleteBehavior.Restrict);
            link.HasIndex(l => new { l.FromUnitId, l.ToUnitId }).IsUnique();
            link.HasIndex(l => l.ToUnitId);
        });
    }
}
