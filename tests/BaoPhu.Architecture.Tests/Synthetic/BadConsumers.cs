using BaoPhu.Units;
using BaoPhu.Units.Domain;

// Deliberately bad consumers of the Units module for the negative controls in ModuleBoundaryTests.
// They exist in this test assembly only.
namespace BaoPhu.Architecture.Tests.Synthetic.Bad;

/// <summary>Reaches into Units.Domain inside a method body only: nothing in its signature shows it.</summary>
internal static class UsesUnitsDomain
{
    public static bool LooksLikeProvince(string code) => UnitCodes.IsValid(code, UnitLevel.Province);
}

/// <summary>Uses the module class, which is public for the hosts but is not a contract.</summary>
internal static class UsesUnitsModuleClass
{
    public static string TablePrefix() => new UnitsModule().Name + "_";
}
