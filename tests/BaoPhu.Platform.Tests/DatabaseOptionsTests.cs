using BaoPhu.Platform.Persistence;
using Microsoft.Extensions.Configuration;

namespace BaoPhu.Platform.Tests;

public sealed class DatabaseOptionsTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.ToDictionary(v => v.Key, v => (string?)v.Value)).Build();

    [Fact]
    public void From_WhenNothingIsConfigured_UsesSqliteFileUnderDataAtTheCheckoutRoot()
    {
        var options = DatabaseOptions.From(Config());

        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.EndsWith(Path.Combine("data", "baophu.db"), options.ConnectionString, StringComparison.Ordinal);
        Assert.True(Path.IsPathRooted(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(options.ConnectionString).DataSource));
    }

    [Fact]
    public void From_WhenProviderIsPostgresInAnyCase_ReadsTheConnectionString()
    {
        var options = DatabaseOptions.From(Config(("Database:Provider", "postgres"), ("ConnectionStrings:BaoPhu", "Host=db;Database=baophu")));

        Assert.Equal(DatabaseProvider.Postgres, options.Provider);
        Assert.Equal("Host=db;Database=baophu", options.ConnectionString);
    }

    [Fact]
    public void From_WhenPostgresHasNoConnectionString_ExplainsInBothLanguages()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseOptions.From(Config(("Database:Provider", "Postgres"))));

        Assert.Contains("Thiếu ConnectionStrings:BaoPhu", error.Message);
        Assert.Contains("is required for PostgreSQL", error.Message);
    }

    [Fact]
    public void From_WhenProviderIsUnknown_NamesTheValidChoices()
    {
        var error = Assert.Throws<InvalidOperationException>(() => DatabaseOptions.From(Config(("Database:Provider", "Oracle"))));

        Assert.Contains("'Oracle'", error.Message);
        Assert.Contains("'Postgres'", error.Message);
    }
}
