using BaoPhu.Platform.Persistence;
using BaoPhu.Testing;

namespace BaoPhu.Feeds.Tests;

/// <summary>The real units, and an .xlsx unpacked-size limit low enough for a test to cross with a small file.</summary>
public abstract class FeedsFixture(DatabaseProvider provider)
    : NationalUnitsFixture(provider, new Dictionary<string, string?> { ["Feeds:MaxUnpackedBytes"] = (10 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture) });

public sealed class SqliteFeeds() : FeedsFixture(DatabaseProvider.Sqlite);

public sealed class PostgresFeeds() : FeedsFixture(DatabaseProvider.Postgres);
