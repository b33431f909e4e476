using System.Reflection;
using System.Runtime.CompilerServices;
using NetArchTest.Rules;

namespace BaoPhu.Architecture.Tests;

/// <summary>The rule-checking functions, apart from the tests so that the negative controls run the very same code.</summary>
public static class Boundaries
{
    /// <summary>
    /// The types of <paramref name="consumer"/> (only those in <paramref name="inNamespace"/>, when given) that use
    /// any type of <paramref name="provider"/> outside its Contracts namespace, in signatures, attributes or bodies.
    /// </summary>
    public static IReadOnlyList<string> UsesOutsideContracts(Assembly consumer, ModuleInfo provider, string? inNamespace = null)
    {
        // Type by type, not by namespace: a dependency on BaoPhu.Units would also match BaoPhu.Units.Contracts.
        var forbidden = provider.Assembly.GetTypes()
            .Where(t => t.DeclaringType is null && t.Namespace is not null && !t.IsDefined(typeof(CompilerGeneratedAttribute), false))
            .Where(t => t.Namespace != provider.ContractsNamespace && !t.Namespace!.StartsWith(provider.ContractsNamespace + ".", StringComparison.Ordinal))
            .Select(t => t.FullName!)
            .ToArray();
        return forbidden.Length == 0 ? [] : UsesAny(consumer, forbidden, inNamespace);
    }

    /// <summary>The types of <paramref name="consumer"/> that use anything in (or named by) <paramref name="namespacesOrTypes"/>.</summary>
    public static IReadOnlyList<string> UsesAny(Assembly consumer, string[] namespacesOrTypes, string? inNamespace = null)
    {
        var types = Types.InAssembly(consumer);
        var conditions = inNamespace is null ? types.ShouldNot() : types.That().ResideInNamespace(inNamespace).ShouldNot();
        var result = conditions.HaveDependencyOnAny(namespacesOrTypes).GetResult();
        return result.IsSuccessful ? [] : [.. result.FailingTypeNames ?? []];
    }

    /// <summary>Those of <paramref name="assemblyNames"/> that <paramref name="assembly"/> was compiled against.</summary>
    public static IReadOnlyList<string> References(Assembly assembly, params string[] assemblyNames) =>
        [.. assembly.GetReferencedAssemblies().Select(a => a.Name!).Where(assemblyNames.Contains)];
}
