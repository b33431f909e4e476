using BaoPhu.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace BaoPhu.Database;

/// <summary>
/// For <c>dotnet ef</c>: <c>-- --provider Sqlite|Postgres</c> picks the provider, and so the
/// migrations set. No database is opened to add migrations or check for model changes.
/// </summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<BaoPhuDbContext>
{
    public BaoPhuDbContext CreateDbContext(string[] args)
    {
        var index = Array.IndexOf(args, "--provider");
        var provider = index >= 0 && index + 1 < args.Length
            ? Enum.Parse<DatabaseProvider>(args[index + 1], ignoreCase: true)
            : DatabaseProvider.Sqlite;
        var options = new DatabaseOptions(provider, provider == DatabaseProvider.Sqlite
            ? "Data Source=design-time.db"
            : "Host=localhost;Database=baophu_design_time");
        var builder = new DbContextOptionsBuilder<BaoPhuDbContext>();
        DatabaseRegistration.UseProvider(builder, options);
        return new BaoPhuDbContext(builder.Options, BaoPhuComposition.Catalog, new UnitScope());
    }
}
