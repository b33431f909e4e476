using BaoPhu.Platform.Persistence;
using BaoPhu.Testing;

namespace BaoPhu.Registry.Tests;

public sealed class SqliteRegistry() : NationalUnitsFixture(DatabaseProvider.Sqlite);

public sealed class PostgresRegistry() : NationalUnitsFixture(DatabaseProvider.Postgres);
