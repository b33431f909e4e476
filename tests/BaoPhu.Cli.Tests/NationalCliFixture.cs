using BaoPhu.Platform.Persistence;
using BaoPhu.Testing;

namespace BaoPhu.Cli.Tests;

/// <summary>
/// A database that only the command line has touched: it migrated it and imported Vietnam's real
/// units before and after 1/7/2025. Imported once per provider
/// (a collection fixture shared by that provider's test classes) because the national import is slow.
/// </summary>
public abstract class NationalCliFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public const string ListDate = "2025-03-01";
    public const string MergerDate = "2025-07-01";

    public TestDatabase Database { get; private set; } = null!;

    /// <summary>The first <c>units import</c>, on an empty database.</summary>
    public CliRun ListImport { get; private set; } = null!;

    /// <summary>The first <c>units import-merger</c>, right after the list.</summary>
    public CliRun MergerImport { get; private set; } = null!;

    public static string[] ImportListArgs => ["units", "import", "--dvhcvn", SharedData.UnitList, "--on", ListDate];

    public static string[] ImportMergerArgs =>
        ["units", "import-merger", "--merges", SharedData.Merges, "--provinces", SharedData.Provinces, "--on", MergerDate];

    public Task<CliRun> RunAsync(CancellationToken cancellationToken, params string[] args) =>
        Cli.RunAsync(Database.Configuration, cancellationToken, args);

    public async ValueTask InitializeAsync()
    {
        // Not migrated here: every command brings the schema up to date itself.
        Database = await TestDatabase.CreateAsync(provider, migrate: false);
        ListImport = await RunAsync(CancellationToken.None, ImportListArgs);
        MergerImport = await RunAsync(CancellationToken.None, ImportMergerArgs);
    }

    public async ValueTask DisposeAsync()
    {
        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }
}

public sealed class SqliteNationalCli() : NationalCliFixture(DatabaseProvider.Sqlite);

public sealed class PostgresNationalCli() : NationalCliFixture(DatabaseProvider.Postgres);

/// <summary>The units and users tests of one provider share its imported database.</summary>
[CollectionDefinition(nameof(SqliteNationalCli))]
public sealed class SqliteNationalCliCollection : ICollectionFixture<SqliteNationalCli>;

[CollectionDefinition(nameof(PostgresNationalCli))]
public sealed class PostgresNationalCliCollection : ICollectionFixture<PostgresNationalCli>;
