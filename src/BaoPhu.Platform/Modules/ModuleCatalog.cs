namespace BaoPhu.Platform.Modules;

/// <summary>The modules a process runs with. One instance per process, so the EF model is built once.</summary>
public sealed class ModuleCatalog(IReadOnlyList<IModule> modules)
{
    public IReadOnlyList<IModule> Modules { get; } = modules;
}
