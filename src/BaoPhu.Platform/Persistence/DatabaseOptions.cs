using Microsoft.Extensions.Configuration;

namespace BaoPhu.Platform.Persistence;

/// <summary>
/// <c>Database:Provider</c> and <c>ConnectionStrings:BaoPhu</c>, the same for both hosts and
/// overridable by <c>Database__Provider</c> and <c>ConnectionStrings__BaoPhu</c>.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteFile = "data/baophu.db";

    public static DatabaseOptions From(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider '{providerText}' không hợp lệ / is not valid: dùng / use 'Sqlite' hoặc / or 'Postgres'.");
        }

        var connectionString = configuration.GetConnectionString("BaoPhu");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            if (provider == DatabaseProvider.Postgres)
            {
                throw new InvalidOperationException(
                    "Thiếu ConnectionStrings:BaoPhu cho PostgreSQL / ConnectionStrings:BaoPhu is required for PostgreSQL.");
            }

            connectionString = $"Data Source={DefaultSqliteFile}";
        }

        return new DatabaseOptions(provider, provider == DatabaseProvider.Sqlite ? AnchorSqliteFile(connectionString) : connectionString);
    }

    /// <summary>
    /// A relative SQLite file is placed under the checkout's root (the folder holding BaoPhu.slnx)
    /// when there is one, so the web host and the CLI share one database however they are started;
    /// elsewhere it is relative to the working directory.
    /// </summary>
    private static string AnchorSqliteFile(string connectionString)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.DataSource) || Path.IsPathRooted(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return connectionString;
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "BaoPhu.slnx")))
            {
                builder.DataSource = Path.Combine(directory.FullName, builder.DataSource);
                return builder.ConnectionString;
            }
        }

        return connectionString;
    }
}
