using BaoPhu.Platform.Persistence;
using Xunit;

namespace BaoPhu.Testing;

/// <summary>A test class that needs its own empty, migrated database and a folder for files, both dropped after it.</summary>
public abstract class FreshDatabaseTest(DatabaseProvider provider) : IAsyncLifetime
{
    protected TempFolder Files { get; } = new();

    protected TestDatabase Database { get; private set; } = null!;

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => Database = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        Files.Dispose();
        GC.SuppressFinalize(this);
    }
}
