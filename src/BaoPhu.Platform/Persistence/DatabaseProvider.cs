namespace BaoPhu.Platform.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
