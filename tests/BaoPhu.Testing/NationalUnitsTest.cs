using Xunit;

namespace BaoPhu.Testing;

/// <summary>A test class on a shared database with the real units (its fixture), with a folder of its own for the files it writes.</summary>
public abstract class NationalUnitsTest<TFixture>(TFixture fixture) : IDisposable
    where TFixture : NationalUnitsFixture
{
    protected TempFolder Files { get; } = new();

    protected TestDatabase Db => fixture.Database;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        Files.Dispose();
        GC.SuppressFinalize(this);
    }
}
