using System.Text.Json;
using BaoPhu.Platform.Security;
using BaoPhu.Units.Contracts;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Cli.Tests;

/// <summary><c>baophu users add</c> on a database holding the real units, on each provider.</summary>
public abstract class UsersCliTests<TFixture>(TFixture fixture)
    where TFixture : NationalCliFixture
{
    private const string Password = "mat-khau-cli-2025";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private Task<CliRun> AddUserAsync(string? password, string user, string role) =>
        PasswordVariable.WithAsync(password, () => fixture.RunAsync(Token,
            "users", "add", "--user", user, "--name", "Cán bộ", "--role", role, "--agency", "labour", "--unit", "38", "--on", NationalCliFixture.MergerDate));

    private async Task<(AppUser? User, IList<string> Roles, UnitRef? ThanhHoa)> StoredAsync(string userName) =>
        await fixture.Database.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<AppUser>>();
            var user = await users.FindByNameAsync(userName);
            var roles = user is null ? [] : await users.GetRolesAsync(user);
            var thanhHoa = await s.GetRequiredService<IUnitDirectory>().FindAsync("38", new DateOnly(2025, 7, 1), Token);
            return (user, roles, thanhHoa);
        });

    [Fact]
    public async Task UsersAdd_WithPasswordInEnvironment_PrintsTheUserAndStoresRoleAgencyAndScope()
    {
        var run = await AddUserAsync(Password, "x", "coordinator");

        Assert.True(run.ExitCode == 0, run.ToString());
        var printed = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal("x", printed.GetProperty("user_name").GetString());
        var (user, roles, thanhHoa) = await StoredAsync("x");
        Assert.Equal(printed.GetProperty("id").GetGuid(), user!.Id);
        Assert.Equal("Cán bộ", user.FullName);
        Assert.Equal(Agencies.LabourDepartment, user.Agency);
        Assert.Equal(thanhHoa!.Id, user.UnitId);
        Assert.Equal([Roles.Coordinator], roles);
    }

    [Fact]
    public async Task UsersAdd_WhenRoleIsUnknown_RefusesNamingTheRoleAndCreatesNobody()
    {
        var run = await AddUserAsync(Password, "sai-vai-tro", "boss");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("'boss'", run.Error);
        Assert.Null((await StoredAsync("sai-vai-tro")).User);
    }

    [Fact]
    public async Task UsersAdd_WhenPasswordVariableIsUnset_RefusesNamingTheVariableAndCreatesNobody()
    {
        var run = await AddUserAsync(null, "khong-mat-khau", "coordinator");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("BAOPHU_NEW_USER_PASSWORD", run.Error);
        Assert.Null((await StoredAsync("khong-mat-khau")).User);
    }
}

[Collection(nameof(SqliteNationalCli))]
public sealed class SqliteUsersCliTests(SqliteNationalCli fixture) : UsersCliTests<SqliteNationalCli>(fixture);

[Collection(nameof(PostgresNationalCli))]
public sealed class PostgresUsersCliTests(PostgresNationalCli fixture) : UsersCliTests<PostgresNationalCli>(fixture);
