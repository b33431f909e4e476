using System.Text.Json;
using BaoPhu.Platform.Persistence;

namespace BaoPhu.Platform.Auditing;

/// <summary>Writes actions that are not entity changes (sign-ins, imports) to the audit log.</summary>
public sealed class AuditLog(BaoPhuDbContext db, IActor actor, TimeProvider clock)
{
    /// <param name="on">Who the action concerns when nobody is signed in yet (a sign-in attempt).</param>
    public async Task WriteAsync(
        string kind, string? entity, string? entityId, object? detail, CancellationToken cancellationToken, (Guid? Id, string Name)? on = null)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            ActorId = on?.Id ?? actor.Id,
            ActorName = on?.Name ?? actor.Name,
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
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}
