using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Security;
using BaoPhu.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace BaoPhu.Platform.Tests;

/// <summary>The audit log on each provider: every change leaves a trace, personal data never does.</summary>
public abstract class AuditTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase db = null!;

    public async ValueTask InitializeAsync() => db = await TestDatabase.CreateAsync(provider);

    public async ValueTask DisposeAsync()
    {
        if (db is not null)
        {
            await db.DisposeAsync();
        }

        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task CreateUser_Always_AuditedWithoutNameOrPasswordHash()
    {
        var user = await db.InScopeAsync(s => s.GetRequiredService<UserAdministration>()
            .CreateAsync(new NewUser("nguyen.van.an", "Nguyễn Văn An", Roles.Coordinator, Agencies.LabourDepartment, null), "mat-khau-rat-dai-1"));

        var entries = await db.InScopeAsync(s => s.GetRequiredService<BaoPhuDbContext>().AuditEntries
            .Where(a => a.Entity == "platform_user" && a.EntityId == user.Id.ToString()).ToListAsync());

        var added = Assert.Single(entries, e => e.Kind == AuditKinds.Added);
        Assert.Contains("\"Agency\":\"labour\"", added.Detail);
        Assert.DoesNotContain("Nguyễn Văn An", added.Detail);
        Assert.DoesNotContain(user.PasswordHash!, added.Detail);
        Assert.DoesNotContain("nguyen.van.an", added.Detail);
    }

    [Fact]
    public async Task AuditLog_WhenSomeoneTriesToRewriteIt_TheDatabaseRefuses()
    {
        await db.InScopeAsync(async s =>
        {
            await s.GetRequiredService<AuditLog>().WriteAsync(AuditKinds.SignIn, "platform_user", null, new { ip = "127.0.0.1" }, CancellationToken.None);
            return 0;
        });

        var update = await Record.ExceptionAsync(() => db.InScopeAsync(s =>
            s.GetRequiredService<BaoPhuDbContext>().Database.ExecuteSqlRawAsync("UPDATE platform_audit_log SET actor_name = 'someone else'")));
        var delete = await Record.ExceptionAsync(() => db.InScopeAsync(s =>
            s.GetRequiredService<BaoPhuDbContext>().Database.ExecuteSqlRawAsync("DELETE FROM platform_audit_log")));
        var count = await db.InScopeAsync(s => s.GetRequiredService<BaoPhuDbContext>().AuditEntries.CountAsync());

        Assert.Contains("append-only", update?.Message);
        Assert.Contains("append-only", delete?.Message);
        Assert.Equal(1, count);
    }

    [Fact]
    public async Task FirstAdministrator_WithoutConfiguredPassword_IsCreatedOnceWithAGeneratedPassword()
    {
        var first = await db.InScopeAsync(s => s.GetRequiredService<UserAdministration>().EnsureAdministratorAsync(null));
        var second = await db.InScopeAsync(s => s.GetRequiredService<UserAdministration>().EnsureAdministratorAsync(null));
        var signInWorks = await db.InScopeAsync(async s =>
        {
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            var admin = await users.FindByNameAsync(UserAdministration.AdministratorUserName);
            return await users.CheckPasswordAsync(admin!, first.GeneratedPassword!) && await users.IsInRoleAsync(admin!, Roles.Administrator);
        });

        Assert.True(first.Created);
        Assert.True(first.GeneratedPassword?.Length >= 12);
        Assert.False(second.Created);
        Assert.Null(second.GeneratedPassword);
        Assert.True(signInWorks);
    }

    [Fact]
    public async Task Lockout_AfterFiveWrongPasswords_LocksTheAccount()
    {
        var locked = await db.InScopeAsync(async s =>
        {
            var user = await s.GetRequiredService<UserAdministration>()
                .CreateAsync(new NewUser("le.thi.binh", "Lê Thị Bình", Roles.Leader, Agencies.PeoplesCommittee, null), "mat-khau-rat-dai-2");
            var users = s.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<AppUser>>();
            for (var attempt = 0; attempt < 5; attempt++)
            {
                await users.AccessFailedAsync(user);
            }

            return await users.IsLockedOutAsync(user);
        });

        Assert.True(locked);
    }
}

public sealed class SqliteAuditTests() : AuditTests(DatabaseProvider.Sqlite);

public sealed class PostgresAuditTests() : AuditTests(DatabaseProvider.Postgres);
