using System.Reflection;
using BaoPhu.Database;
using BaoPhu.Platform.Modules;

namespace BaoPhu.Architecture.Tests;

/// <summary>A composed module: its <see cref="IModule.Name"/> and the assembly (one project) it lives in.</summary>
public sealed record ModuleInfo(string Name, Assembly Assembly)
{
    /// <summary>The project's name, which is also its root namespace and its folder under src/Modules.</summary>
    public string Project => Assembly.GetName().Name!;

    /// <summary>The only namespace other modules may use.</summary>
    public string ContractsNamespace => Project + ".Contracts";

    public override string ToString() => Project;
}

/// <summary>
/// The modules as the hosts compose them, so a module added to <see cref="BaoPhuComposition.Catalog"/>
/// is held to every rule here without editing a test.
/// </summary>
public static class ModuleMap
{
    public static IReadOnlyList<ModuleInfo> All { get; } =
        [.. BaoPhuComposition.Catalog.Modules.Select(m => new ModuleInfo(m.Name, m.GetType().Assembly))];

    public static Assembly Platform { get; } = typeof(IModule).Assembly;

    public static ModuleInfo Named(string project) => All.Single(m => m.Project == project);

    public static TheoryData<string> Projects() => [.. All.Select(m => m.Project)];

    /// <summary>Every ordered pair of distinct modules: (the one that uses, the one being used).</summary>
    public static TheoryData<string, string> Pairs()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var consumer in All)
        {
            foreach (var provider in All.Where(p => p != consumer))
            {
                pairs.Add(consumer.Project, provider.Project);
            }
        }

        return pairs;
    }
}
