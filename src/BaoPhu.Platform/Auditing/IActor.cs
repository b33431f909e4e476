namespace BaoPhu.Platform.Auditing;

/// <summary>Who is acting: a signed-in user in the web host, the operator's account in the CLI.</summary>
public interface IActor
{
    Guid? Id { get; }

    string Name { get; }
}

/// <summary>The actor of work no person started (first-start seeding, migrations).</summary>
public sealed class SystemActor : IActor
{
    public Guid? Id => null;

    public string Name => "system";
}
