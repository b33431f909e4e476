using BaoPhu.Platform.Persistence;
using BaoPhu.Units.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Units.SetLinkShare;

/// <summary>
/// Sets how a partial link carries counts: the share of the old unit's count that goes to the new
/// unit, and the share of the new unit's count attributed back. Null returns to the equal default.
/// The shares of all links of the same unit must still be able to make 100%.
/// </summary>
internal sealed class SetLinkShareHandler(BaoPhuDbContext db)
{
    public async Task HandleAsync(Guid linkId, decimal? forwardShare, decimal? backwardShare, CancellationToken cancellationToken)
    {
        foreach (var share in new[] { forwardShare, backwardShare })
        {
            if (share is < 0m or > 1m)
            {
                throw new ArgumentOutOfRangeException(nameof(forwardShare), share, "Tỷ lệ phải từ 0% đến 100% / A share must be between 0% and 100%.");
            }
        }

        var links = db.Set<LineageLink>();
        var link = await links.FirstOrDefaultAsync(l => l.Id == linkId, cancellationToken)
            ?? throw new KeyNotFoundException($"Lineage link {linkId} does not exist.");
        if (link.Kind == LinkKind.Full && (forwardShare ?? 1m) != 1m)
        {
            throw new InvalidOperationException("Liên kết toàn phần luôn chuyển 100% / A full link always carries 100%.");
        }

        var siblingsFromOld = await links.Where(l => l.FromUnitId == link.FromUnitId && l.Id != link.Id)
            .Select(l => l.ForwardShare).ToListAsync(cancellationToken);
        var siblingsIntoNew = await links.Where(l => l.ToUnitId == link.ToUnitId && l.Id != link.Id)
            .Select(l => l.BackwardShare).ToListAsync(cancellationToken);
        Check(siblingsFromOld, forwardShare);
        Check(siblingsIntoNew, backwardShare);

        link.SetShares(forwardShare, backwardShare);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Check(List<decimal?> siblings, decimal? share)
    {
        var all = siblings.Append(share).ToList();
        Reattribution.EnsureConsistent(all.Sum(s => s ?? 0m), all.Count(s => s is null));
    }
}
