using System.Reflection;
using System.Text.Json;
using BaoPhu.Platform.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace BaoPhu.Platform.Auditing;

/// <summary>
/// Adds an audit entry for every change of an <see cref="IAudited"/> entity in the same transaction
/// as the change itself, so a change is never saved without its trace.
/// </summary>
public sealed class AuditInterceptor(IActor actor, TimeProvider clock, AuditBatch batch) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddEntries(DbContext? context)
    {
        if (context is null || batch.IsActive)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var entries = context.ChangeTracker.Entries()
            .Where(e => e.Entity is IAudited && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new AuditEntry
            {
                At = now,
                ActorId = actor.Id,
                ActorName = actor.Name,
                Kind = e.State switch
                {
                    EntityState.Added => AuditKinds.Added,
                    EntityState.Modified => AuditKinds.Modified,
                    _ => AuditKinds.Deleted,
                },
                Entity = e.Metadata.GetTableName(),
                EntityId = string.Join(",", e.Properties.Where(p => p.Metadata.IsPrimaryKey()).Select(p => p.CurrentValue)),
                Detail = Describe(e),
            })
            .ToList();
        context.Set<AuditEntry>().AddRange(entries);
    }

    /// <summary>Changed values, leaving out personal data and secrets.</summary>
    private static string Describe(EntityEntry entry)
    {
        var values = new Dictionary<string, object?>();
        foreach (var property in entry.Properties)
        {
            if (entry.State == EntityState.Modified && !property.IsModified)
            {
                continue;
            }

            var clr = property.Metadata.PropertyInfo;
            values[property.Metadata.Name] = IsSensitive(clr) ? "***" : property.CurrentValue;
        }

        return JsonSerializer.Serialize(values, AuditJson.Options);
    }

    private static bool IsSensitive(PropertyInfo? property) =>
        property is not null
        && (property.GetCustomAttribute<PersonalDataAttribute>() is not null
            || property.GetCustomAttribute<SensitiveAttribute>() is not null
            || property.Name.Contains("Password", StringComparison.Ordinal)
            || property.Name.Contains("Stamp", StringComparison.Ordinal));
}

/// <summary>Marks a property whose value must not reach the audit log or any other log.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SensitiveAttribute : Attribute;
