using BaoPhu.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Platform.Security;

/// <summary>Users as the administration pages list them; the scope filter applies, so an admin sees only their area.</summary>
public sealed class UserDirectory(BaoPhuDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<UserRow>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roleNames = await (
                from userRole in db.UserRoles
                join role in db.Roles on userRole.RoleId equals role.Id
                select new { userRole.UserId, role.Name })
            .ToListAsync(cancellationToken);
        var rolesByUser = roleNames.ToLookup(r => r.UserId, r => r.Name!);
        return users
            .Select(u => new UserRow(u.Id, u.UserName ?? "", u.FullName, [.. rolesByUser[u.Id]], u.Agency, u.UnitId,
                u.LockoutEnd is { } end && end > now, u.CreatedAt))
            .ToList();
    }
}

public sealed record UserRow(
    Guid Id, string UserName, string FullName, IReadOnlyList<string> Roles, string Agency, Guid? UnitId, bool LockedOut, DateTime CreatedAt);
