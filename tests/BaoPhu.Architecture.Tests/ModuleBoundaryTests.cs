using BaoPhu.Architecture.Tests.Synthetic.Bad;
using BaoPhu.Architecture.Tests.Synthetic.Good;
using BaoPhu.Database;

namespace BaoPhu.Architecture.Tests;

/// <summary>DESIGN.md: a module's types are internal except its Contracts, and only those cross module lines.</summary>
public sealed class ModuleBoundaryTests
{
    private const string Units = "BaoPhu.Units";
    private static readonly string[] Hosts = ["BaoPhu.Web", "BaoPhu.Cli", "BaoPhu.Database", "BaoPhu.Migrations"];
    private static readonly string[] HostAssemblies =
        ["BaoPhu.Web", "baophu", "BaoPhu.Database", "BaoPhu.Migrations.Sqlite", "BaoPhu.Migrations.Postgres"];

    [Fact]
    public void Catalog_Always_ComposesMoreThanOneModule()
    {
        // Otherwise the pairwise rule below would have nothing to check.
        Assert.Contains(ModuleMap.All, m => m.Project == Units);
        Assert.True(ModuleMap.All.Count > 1, string.Join(", ", ModuleMap.All));
    }

    [Theory]
    [MemberData(nameof(ModuleMap.Pairs), MemberType = typeof(ModuleMap))]
    public void Module_UsingAnotherModule_UsesOnlyItsContracts(string consumer, string provider)
    {
        var offenders = Boundaries.UsesOutsideContracts(ModuleMap.Named(consumer).Assembly, ModuleMap.Named(provider));

        Assert.True(offenders.Count == 0,
            $"{consumer} uses {provider} outside {provider}.Contracts in: {string.Join(", ", offenders)}");
    }

    [Theory]
    [MemberData(nameof(ModuleMap.Projects), MemberType = typeof(ModuleMap))]
    public void Module_Always_DependsOnNoHostNorTheComposedDatabase(string module)
    {
        var assembly = ModuleMap.Named(module).Assembly;

        Assert.Empty(Boundaries.UsesAny(assembly, Hosts));
        Assert.Empty(Boundaries.References(assembly, HostAssemblies));
    }

    [Fact]
    public void Platform_Always_DependsOnNoModule()
    {
        var modules = ModuleMap.All.Select(m => m.Project).ToArray();

        Assert.Empty(Boundaries.UsesAny(ModuleMap.Platform, modules));
        Assert.Empty(Boundaries.References(ModuleMap.Platform, modules));
    }

    // Negative controls: the same functions, over cases that must break the rules.

    [Fact]
    public void UsesOutsideContracts_OnConsumersReachingPastContracts_NamesEachOfThem()
    {
        var test = typeof(UsesUnitsDomain).Assembly;

        var bad = Boundaries.UsesOutsideContracts(test, ModuleMap.Named(Units), typeof(UsesUnitsDomain).Namespace);
        var good = Boundaries.UsesOutsideContracts(test, ModuleMap.Named(Units), typeof(UsesUnitsContracts).Namespace);

        Assert.Equal([typeof(UsesUnitsDomain).FullName, typeof(UsesUnitsModuleClass).FullName], bad.Order());
        Assert.Empty(good);
    }

    [Fact]
    public void UsesOutsideContracts_OnTheCompositionRoot_FindsItUsesTheModuleClasses()
    {
        // BaoPhu.Database may compose UnitsModule; a module could not. The rule must see that use.
        var offenders = Boundaries.UsesOutsideContracts(typeof(BaoPhuComposition).Assembly, ModuleMap.Named(Units));

        Assert.Contains(typeof(BaoPhuComposition).FullName, offenders);
    }

    [Fact]
    public void UsesOutsideContracts_WhenAModuleIsCheckedAgainstItself_FindsItsInnerTypes()
    {
        // Units naturally uses its own Domain; applying the cross-module rule to it must say so.
        Assert.NotEmpty(Boundaries.UsesOutsideContracts(ModuleMap.Named(Units).Assembly, ModuleMap.Named(Units)));
    }

    [Fact]
    public void UsesAny_OnTheCompositionRoot_FindsItDependsOnModules()
    {
        var modules = ModuleMap.All.Select(m => m.Project).ToArray();
        var database = typeof(BaoPhuComposition).Assembly;

        Assert.Contains(typeof(BaoPhuComposition).FullName, Boundaries.UsesAny(database, modules));
        Assert.Equal(modules.Order(), Boundaries.References(database, modules).Order());
    }
}
