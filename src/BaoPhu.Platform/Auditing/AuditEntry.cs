namespace BaoPhu.Platform.Auditing;

/// <summary>
/// One line of the append-only audit log. The database refuses updates and deletes of this table
/// (a trigger on each provider), so the log cannot be rewritten through the application.
/// </summary>
public sealed class AuditEntry
{
    public Guid Id { get; init; } = Guid.CreateVersion7();

    public DateTime At { get; init; }

    public Guid? ActorId { get; init; }

    public string ActorName { get; init; } = "";

    /// <summary>See <see cref="AuditKinds"/>.</summary>
    public string Kind { get; init; } = "";

    public string? Entity { get; init; }

    public string? EntityId { get; init; }

    /// <summary>JSON: changed values (personal data left out) or the outcome of an action.</summary>
    public string? Detail { get; init; }
}

public static class AuditKinds
{
    public const string Added = "added";
    public const string Modified = "modified";
    public const string Deleted = "deleted";
    public const string SignIn = "sign-in";
    public const string SignInFailed = "sign-in-failed";
    public const string LockedOut = "locked-out";
    public const string SignOut = "sign-out";
    public const string Import = "import";
}
