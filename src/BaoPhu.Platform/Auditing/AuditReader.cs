using BaoPhu.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Platform.Auditing;

/// <summary>Reads the audit log newest first, for the administrators' page and its export.</summary>
public sealed class AuditReader(BaoPhuDbContext db)
{
    public async Task<IReadOnlyList<AuditEntry>> ListAsync(AuditQuery query, CancellationToken cancellationToken)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Kind))
        {
            entries = entries.Where(e => e.Kind == query.Kind);
        }

        if (!string.IsNullOrWhiteSpace(query.Actor))
        {
            entries = entries.Where(e => e.ActorName == query.Actor);
        }

        if (query.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.At >= start);
        }

        if (query.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            entries = entries.Where(e => e.At < end);
        }

        return await entries.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Take(query.Limit).ToListAsync(cancellationToken);
    }
}

public sealed record AuditQuery(string? Kind, string? Actor, DateOnly? From, DateOnly? To, int Limit = 500);
