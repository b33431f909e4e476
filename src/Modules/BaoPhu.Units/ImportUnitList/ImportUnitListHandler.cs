using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Persistence;
using BaoPhu.Units.Contracts;
using BaoPhu.Units.Data;
using BaoPhu.Units.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Units.ImportUnitList;

/// <summary>
/// Takes a unit list as the state on a date. For each province in the file, units in force on that
/// date that match the list stay as they are; changed ones end and a new version starts; units
/// no longer listed end. Importing the same list again changes nothing. All or nothing.
/// </summary>
internal sealed class ImportUnitListHandler(BaoPhuDbContext db, AuditLog audit, AuditBatch batch)
{
    public async Task<UnitImportResult> HandleAsync(string file, DateOnly on, CancellationToken cancellationToken)
    {
        var listing = UnitListFile.Read(file);
        var provinceCodes = listing.Provinces.Select(p => p.Code).ToHashSet();

        using var summarised = batch.Begin();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var units = db.Set<AdministrativeUnit>();
        // A list older than what is stored must not open versions that overlap later ones.
        var nextStart = (await units.Where(u => u.ValidFrom > on).Select(u => new { u.Code, u.ValidFrom }).ToListAsync(cancellationToken))
            .GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.Min(u => u.ValidFrom!.Value));

        var inForce = await units.InForceOn(on).ToListAsync(cancellationToken);
        var byCode = inForce.Where(u => u.Level != UnitLevel.Village).ToDictionary(u => u.Code);
        var kept = new HashSet<Guid>();
        int created = 0, ended = 0, unchanged = 0;

        // Top-down, so a changed parent gives its children new versions with the right path too.
        void Place(ListedUnit listed, AdministrativeUnit? parent, bool firstList)
        {
            var path = (parent?.Path ?? "/") + listed.Code + "/";
            AdministrativeUnit? unit = null;
            if (byCode.TryGetValue(listed.Code, out var current))
            {
                kept.Add(current.Id);
                if (current.IsSameAs(listed.Name, listed.Type, listed.Level, parent?.Id) && current.Path == path)
                {
                    unit = current;
                    unchanged++;
                }
                else
                {
                    current.End(on);
                    ended++;
                }
            }

            if (unit is null)
            {
                unit = AdministrativeUnit.Create(listed.Code, listed.Name, listed.Type, listed.Level, parent, firstList ? null : on);
                if (nextStart.TryGetValue(listed.Code, out var next))
                {
                    unit.End(next);
                }

                units.Add(unit);
                created++;
            }

            foreach (var child in listed.Children)
            {
                Place(child, unit, firstList);
            }
        }

        foreach (var province in listing.Provinces)
        {
            // A province seen for the first time predates the records; later lists start new versions on their date.
            var firstList = !inForce.Any(u => u.Path.StartsWith("/" + province.Code + "/", StringComparison.Ordinal));
            Place(province, null, firstList);
        }

        foreach (var unit in inForce.Where(u => !kept.Contains(u.Id) && provinceCodes.Contains(ProvinceCodeOf(u.Path))))
        {
            unit.End(on);
            ended++;
        }

        var result = new UnitImportResult(created, ended, unchanged, 0, 0);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditKinds.Import, "units_unit", null,
            new { file = Path.GetFileName(file), on, result.Created, result.Ended, result.Unchanged }, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private static string ProvinceCodeOf(string path) => path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0];
}
