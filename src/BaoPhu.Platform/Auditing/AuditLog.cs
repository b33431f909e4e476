using System.Text.Json;
using BaoPhu.Platform.Persistence;

namespace BaoPhu.Platform.Auditing;

/// <summary>Writes actions that are not entity changes (sign-ins, imports) to the audit log.</summary>
public sealed class AuditLog(BaoPhuDbContext db, IActor actor, TimeProvider clock)
{
    public async Task WriteAsync(string kind, string? entity, string? entityId, object? detail, CancellationToken cancellationToken)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = actor.Id,
            ActorName = actor.Name,
            Kind = kind,
            Entity = entity,
            EntityId = entityId,
            Detail = detail is null ? null : JsonSerializer.Serialize(detail, AuditJson.Options),
        });
        await db.SaveChangesAsync(cancellationToken);
    }
}

internal static class AuditJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
