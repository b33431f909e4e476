using System.Security.Cryptography;
using BaoPhu.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Platform.Security;

/// <summary>Creating users and the first administrator; the one place that knows the rules for both.</summary>
public sealed class UserAdministration(UserManager<AppUser> users, RoleManager<AppRole> roles, UnitScope scope, TimeProvider clock)
{
    public const string AdministratorUserName = "admin";
    public const string AdminPasswordVariable = "BAOPHU_ADMIN_PASSWORD";

    public async Task EnsureRolesAsync()
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role.Code))
            {
                Check(await roles.CreateAsync(new AppRole(role.Code)));
            }
        }
    }

    /// <summary>
    /// Creates the administrator when nobody can sign in yet. The password comes from
    /// <c>BAOPHU_ADMIN_PASSWORD</c>, or is generated and returned so the host prints it once.
    /// </summary>
    public async Task<(bool Created, string? GeneratedPassword)> EnsureAdministratorAsync(string? configuredPassword)
    {
        await EnsureRolesAsync();
        if (await users.Users.IgnoreQueryFilters().AnyAsync())
        {
            return (false, null);
        }

        var generated = string.IsNullOrEmpty(configuredPassword) ? GeneratePassword() : null;
        await CreateAsync(new NewUser(AdministratorUserName, "Quản trị hệ thống", Roles.Administrator, Agencies.LabourDepartment, null),
            configuredPassword ?? generated!);
        return (true, generated);
    }

    public async Task<AppUser> CreateAsync(NewUser user, string password)
    {
        if (!Roles.IsKnown(user.Role))
        {
            throw new ArgumentException($"Vai trò '{user.Role}' không tồn tại / unknown role '{user.Role}'.");
        }

        if (!Agencies.IsKnown(user.Agency))
        {
            throw new ArgumentException($"Cơ quan '{user.Agency}' không tồn tại / unknown agency '{user.Agency}'.");
        }

        // An administrator of an area creates users of that area only; the country is for unrestricted ones.
        if (scope.IsRestricted && (user.UnitId is not { } unitId || !scope.Contains(unitId)))
        {
            throw new ArgumentException("Đơn vị phạm vi phải thuộc phạm vi của bạn / the scope unit must be within your own scope.");
        }

        // Names are unique across the country, also among users this administrator cannot see.
        var normalized = users.NormalizeName(user.UserName);
        if (await users.Users.IgnoreQueryFilters().AnyAsync(u => u.NormalizedUserName == normalized))
        {
            throw new ArgumentException($"Tên đăng nhập '{user.UserName}' đã được dùng / the user name '{user.UserName}' is taken.");
        }

        await EnsureRolesAsync();
        var appUser = new AppUser
        {
            Id = Guid.CreateVersion7(),
            UserName = user.UserName,
            FullName = user.FullName,
            Agency = user.Agency,
            UnitId = user.UnitId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        Check(await users.CreateAsync(appUser, password));
        Check(await users.AddToRoleAsync(appUser, user.Role));
        return appUser;
    }

    /// <summary>Easy to type from a console and always within the password rules: letters and digits in groups.</summary>
    private static string GeneratePassword()
    {
        const string letters = "abcdefghjkmnpqrstuvwxyz";
        const string digits = "23456789";
        return $"{RandomNumberGenerator.GetString(letters, 5)}-{RandomNumberGenerator.GetString(digits, 3)}-{RandomNumberGenerator.GetString(letters, 5)}";
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}

public sealed record NewUser(string UserName, string FullName, string Role, string Agency, Guid? UnitId);
