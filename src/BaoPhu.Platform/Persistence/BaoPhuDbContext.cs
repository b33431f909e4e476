using System.Linq.Expressions;
using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Jobs;
using BaoPhu.Platform.Modules;
using BaoPhu.Platform.Security;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace BaoPhu.Platform.Persistence;

/// <summary>
/// The one database model: Platform's tables (users, audit, jobs) plus each module's part. Modules reach
/// their own tables through <c>Set&lt;T&gt;()</c>; other modules' tables only through Contracts.
/// </summary>
public sealed class BaoPhuDbContext(DbContextOptions<BaoPhuDbContext> options, ModuleCatalog modules, UnitScope scope)
    : IdentityDbContext<AppUser, AppRole, Guid>(options)
{
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    // Read by the query filters: EF turns these member accesses into parameters per query.
    internal bool ScopeRestricted => scope.IsRestricted;

    internal IReadOnlyList<Guid> ScopeUnitIds => scope.UnitIds;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Timestamps are UTC everywhere; SQLite hands them back unspecified, so the kind is restored on read.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>(user =>
        {
            user.ToTable("platform_user");
            user.Property(u => u.FullName).HasMaxLength(200);
            user.Property(u => u.Agency).HasMaxLength(40);
            user.HasIndex(u => u.UnitId);
        });
        builder.Entity<AppRole>().ToTable("platform_role");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<Guid>>().ToTable("platform_user_role");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("platform_user_claim");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("platform_user_login");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("platform_user_token");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<Guid>>().ToTable("platform_role_claim");

        builder.Entity<AuditEntry>(audit =>
        {
            audit.ToTable("platform_audit_log");
            audit.HasKey(a => a.Id);
            audit.Property(a => a.ActorName).HasMaxLength(256);
            audit.Property(a => a.Kind).HasMaxLength(40);
            audit.Property(a => a.Entity).HasMaxLength(100);
            audit.Property(a => a.EntityId).HasMaxLength(200);
            audit.HasIndex(a => a.At);
        });

        Job.Configure(builder);

        foreach (var module in modules.Modules)
        {
            module.ConfigureModel(builder);
        }

        foreach (var entityType in builder.Model.GetEntityTypes().Where(t => typeof(IUnitOwned).IsAssignableFrom(t.ClrType)).ToList())
        {
            builder.Entity(entityType.ClrType).HasQueryFilter(ScopeFilter(entityType.ClrType));
        }
    }

    /// <summary>Builds <c>e =&gt; !ScopeRestricted || ScopeUnitIds.Contains(e.UnitId)</c> for one entity type.</summary>
    private LambdaExpression ScopeFilter(Type entityType)
    {
        var entity = Expression.Parameter(entityType, "e");
        var context = Expression.Constant(this);
        var restricted = Expression.Property(context, nameof(ScopeRestricted));
        var ids = Expression.Property(context, nameof(ScopeUnitIds));
        var unitId = Expression.Property(entity, "UnitId");
        Expression inScope;
        if (unitId.Type == typeof(Guid))
        {
            inScope = Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], ids, unitId);
        }
        else if (unitId.Type == typeof(Guid?))
        {
            // Null means the whole country, which no restricted scope covers.
            inScope = Expression.AndAlso(
                Expression.Property(unitId, nameof(Nullable<Guid>.HasValue)),
                Expression.Call(typeof(Enumerable), nameof(Enumerable.Contains), [typeof(Guid)], ids, Expression.Property(unitId, nameof(Nullable<Guid>.Value))));
        }
        else
        {
            throw new InvalidOperationException($"{entityType.Name} is unit-owned but has no Guid UnitId property.");
        }

        return Expression.Lambda(Expression.OrElse(Expression.Not(restricted), inScope), entity);
    }

    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Utc ? v : v.ToUniversalTime(),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
