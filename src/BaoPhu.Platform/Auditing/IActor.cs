namespace BaoPhu.Platform.Auditing;

/// <summary>Who is acting: a signed-in user in the web host, the operator's account in the CLI.</summary>
public interface IActor
{
    Guid? Id { get; }

    string Name { get; }
}

/// <summary>
/// Who work in this scope acts for when no request carries the user: a job runs in a scope of its
/// own, for whoever asked for it, and its audit entries must name that person.
/// </summary>
public sealed class ActingFor
{
    public Guid? Id { get; private set; }

    public string? Name { get; private set; }

    public void Set(Guid? id, string name)
    {
        Id = id;
        Name = name;
    }
}

/// <summary>The actor of work no person started (first-start seeding, migrations), or of a job run for someone.</summary>
public sealed class SystemActor(ActingFor acting) : IActor
{
    public Guid? Id => acting.Id;

    public string Name => acting.Name ?? "system";
}
