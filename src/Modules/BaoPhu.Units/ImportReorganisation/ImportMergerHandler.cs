using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Persistence;
using BaoPhu.Units.Contracts;
using BaoPhu.Units.Data;
using BaoPhu.Units.Domain;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Units.ImportReorganisation;

/// <summary>
/// Applies a merger on its date: every unit of the merged provinces ends the day before, the new
/// provinces and communes start (with no district level), and each new unit is linked to the old
/// units it took. Re-importing the same files changes nothing. All or nothing.
/// </summary>
internal sealed class ImportMergerHandler(BaoPhuDbContext db, AuditLog audit, AuditBatch batch)
{
    public async Task<UnitImportResult> HandleAsync(string mergesFile, string provincesFile, DateOnly on, CancellationToken cancellationToken)
    {
        var merger = MergerFiles.Read(mergesFile, provincesFile);
        var dayBefore = on.AddDays(-1);

        using var summarised = batch.Begin();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var units = db.Set<AdministrativeUnit>();
        var links = db.Set<LineageLink>();

        var oldProvinces = merger.Provinces.SelectMany(p => p.Predecessors).Select(l => l.OldCode).ToHashSet();
        var old = (await units.InForceOn(dayBefore).ToListAsync(cancellationToken))
            .Where(u => oldProvinces.Contains(u.Path.Split('/', StringSplitOptions.RemoveEmptyEntries)[0]))
            .ToList();
        var oldByCode = old.Where(u => u.Level != UnitLevel.Village).ToDictionary(u => u.Code);
        EnsureOldUnitsKnown(mergesFile, merger, oldByCode, old, dayBefore);

        var earlierImport = (await units.Where(u => u.ValidFrom == on).ToListAsync(cancellationToken))
            .GroupBy(u => u.Code).ToDictionary(g => g.Key, g => g.ToList());
        var newUnits = new List<(AdministrativeUnit Unit, NewUnit Listed)>();
        int created = 0, ended = 0, unchanged = 0;

        AdministrativeUnit Place(NewUnit listed, AdministrativeUnit? parent)
        {
            var type = MergerFiles.TypeFromName(listed.Name);
            var same = earlierImport.GetValueOrDefault(listed.Code)?
                .FirstOrDefault(u => u.ValidTo != on && u.IsSameAs(listed.Name, type, listed.Level, parent?.Id));
            if (same is not null)
            {
                unchanged++;
                newUnits.Add((same, listed));
                return same;
            }

            // A corrected file for the same date: the earlier version never comes into force.
            foreach (var superseded in earlierImport.GetValueOrDefault(listed.Code) ?? [])
            {
                if (superseded.Level == listed.Level && superseded.ValidTo != on)
                {
                    superseded.End(on);
                }
            }

            var unit = AdministrativeUnit.Create(listed.Code, listed.Name, type, listed.Level, parent, on);
            units.Add(unit);
            created++;
            newUnits.Add((unit, listed));
            return unit;
        }

        foreach (var province in merger.Provinces)
        {
            var provinceUnit = Place(province, null);
            foreach (var commune in province.Children)
            {
                Place(commune, provinceUnit);
            }
        }

        foreach (var unit in old.Where(u => u.ValidTo is null || u.ValidTo > on))
        {
            unit.End(on);
            ended++;
        }

        var newIds = newUnits.Select(n => n.Unit.Id).ToList();
        var existingLinks = (await links.Where(l => newIds.Contains(l.ToUnitId)).ToListAsync(cancellationToken))
            .ToDictionary(l => (l.FromUnitId, l.ToUnitId));
        int linksCreated = 0, linksChanged = 0;
        foreach (var (unit, listed) in newUnits)
        {
            foreach (var predecessor in listed.Predecessors)
            {
                var from = oldByCode[predecessor.OldCode];
                if (existingLinks.TryGetValue((from.Id, unit.Id), out var link))
                {
                    if (link.Kind != predecessor.Kind)
                    {
                        link.ChangeKind(predecessor.Kind);
                        linksChanged++;
                    }

                    continue;
                }

                links.Add(LineageLink.Create(from.Id, unit.Id, predecessor.Kind, on));
                linksCreated++;
            }
        }

        var result = new UnitImportResult(created, ended, unchanged, linksCreated, linksChanged);
        await db.SaveChangesAsync(cancellationToken);
        await audit.WriteAsync(AuditKinds.Import, "units_lineage_link", null,
            new { merges = Path.GetFileName(mergesFile), provinces = Path.GetFileName(provincesFile), on, result.Created, result.Ended, result.LinksCreated, result.LinksChanged },
            cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    /// <summary>Every old unit named must be in force the day before, and every old commune must go somewhere.</summary>
    private static void EnsureOldUnitsKnown(
        string file, MergerFiles merger, Dictionary<string, AdministrativeUnit> oldByCode, List<AdministrativeUnit> old, DateOnly dayBefore)
    {
        var problems = new List<UnitImportProblem>();
        var named = new HashSet<string>();
        foreach (var link in merger.Provinces.SelectMany(p => p.Predecessors.Concat(p.Children.SelectMany(c => c.Predecessors))))
        {
            named.Add(link.OldCode);
            if (!oldByCode.ContainsKey(link.OldCode))
            {
                problems.Add(new($"{link.At}.old_id",
                    $"đơn vị cũ '{link.OldCode}' không có hiệu lực ngày {dayBefore:dd/MM/yyyy}; hãy nhập danh mục đơn vị trước",
                    $"old unit '{link.OldCode}' is not in force on {dayBefore:yyyy-MM-dd}; import the unit list first"));
            }
        }

        problems.AddRange(old
            .Where(u => u.Level == UnitLevel.Commune && !named.Contains(u.Code))
            .Select(u => new UnitImportProblem(u.Code,
                $"xã cũ {u.Code} ({u.Name}) không được chuyển vào đơn vị mới nào",
                $"old commune {u.Code} ({u.Name}) goes to no new unit")));

        if (problems.Count > 0)
        {
            throw new UnitImportException(file, problems);
        }
    }
}
