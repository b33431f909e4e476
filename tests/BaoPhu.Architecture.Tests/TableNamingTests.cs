using BaoPhu.Database;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace BaoPhu.Architecture.Tests;

/// <summary>DESIGN.md: tables are <c>&lt;module&gt;_&lt;entity&gt;</c>; Platform's (users, roles, audit) are <c>platform_…</c>.</summary>
public sealed class TableNamingTests
{
    [Fact]
    public void EveryEntity_InTheComposedModel_MapsToATableNamedAfterItsOwner()
    {
        using var db = new DesignTimeDbContextFactory().CreateDbContext([]);
        var entities = db.Model.GetEntityTypes().ToList();

        var wrong = entities
            .Select(e => (Entity: e.DisplayName(), Table: e.GetTableName() ?? e.GetViewName(), Prefix: OwnerOf(e) + "_"))
            .Where(e => e.Table is null || !e.Table.StartsWith(e.Prefix, StringComparison.Ordinal))
            .Select(e => $"{e.Entity} → {e.Table ?? "(no table)"}, expected {e.Prefix}…")
            .ToList();

        Assert.NotEmpty(entities);
        Assert.True(wrong.Count == 0, string.Join("\n", wrong));
    }

    /// <summary>The module whose assembly holds the entity's type; everything else (Identity, audit) is Platform's.</summary>
    private static string OwnerOf(IEntityType entity)
    {
        // A shared-type entity (a property bag, e.g. a many-to-many join) belongs to whoever owns what it joins.
        if (entity.HasSharedClrType && entity.GetForeignKeys().FirstOrDefault() is { } key)
        {
            return OwnerOf(key.PrincipalEntityType);
        }

        return ModuleMap.All.FirstOrDefault(m => m.Assembly == entity.ClrType.Assembly)?.Name ?? "platform";
    }
}
