using BaoPhu.Units.Contracts;

namespace BaoPhu.Architecture.Tests.Synthetic.Good;

/// <summary>Uses Units only through its contracts, as another module should.</summary>
internal static class UsesUnitsContracts
{
    public static Task<UnitRef?> FindAsync(IUnitDirectory directory, string code, DateOnly on) =>
        directory.FindAsync(code, on, CancellationToken.None);
}
