using BaoPhu.Testing;

namespace BaoPhu.Architecture.Tests;

/// <summary>Where modules live in the repository and what each must carry.</summary>
public sealed class ModuleLayoutTests
{
    private static string ModulesFolder => Path.Combine(SharedData.RepositoryRoot, "src", "Modules");

    [Theory]
    [MemberData(nameof(ModuleMap.Projects), MemberType = typeof(ModuleMap))]
    public void Module_Always_HasReadmeInItsFolder(string module)
    {
        var readme = Path.Combine(ModulesFolder, module, "README.md");

        Assert.True(File.Exists(readme), $"{module} has no README.md listing its tables, contracts, permissions, jobs and settings: {readme}");
    }

    [Fact]
    public void Catalog_Always_ComposesEveryProjectUnderSrcModules()
    {
        // A module project left out of the composition would escape every rule checked from the catalog.
        var projects = Directory.GetFiles(ModulesFolder, "*.csproj", SearchOption.AllDirectories)
            .Select(Path.GetFileNameWithoutExtension)
            .Order();

        Assert.Equal(projects, ModuleMap.All.Select(m => m.Project).Order());
    }
}
