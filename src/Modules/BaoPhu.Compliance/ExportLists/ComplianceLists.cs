using System.Security.Claims;
using BaoPhu.Compliance.Contracts;
using BaoPhu.Compliance.Data;
using BaoPhu.Compliance.Domain;
using BaoPhu.Compliance.RankEmployers;
using BaoPhu.Compliance.ReviewFindings;
using BaoPhu.Platform.Excel;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Text;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Compliance.ExportLists;

internal enum ListGrouping
{
    Commune,
    Sector,
}

/// <summary>What one commune or sector has standing, and the code its list is downloaded by ("" when no list places the employers).</summary>
internal sealed record ListGroup(string Code, string Name, int Employers, int Unregistered, int WorkersWithoutSi, long Owed);

internal sealed record ListGroups(IReadOnlyList<ListGroup> Groups, bool UnknownUnit);

/// <summary>
/// The lists the findings are handed out as: per commune for the local governments, per sector for
/// the departments that oversee it, and the evidence sheet of one employer for an inspection.
/// </summary>
internal sealed class ComplianceLists(BaoPhuDbContext db, FindingTallies tallies, FindingQueries findings, IUnitDirectory units)
{
    /// <summary>The most findings a workbook carries.</summary>
    private const int MostFindings = 200_000;

    public async Task<ListGroups> GroupsAsync(string? unitCode, ListGrouping grouping, CancellationToken cancellationToken)
    {
        var tallied = await tallies.TallyAsync(unitCode, cancellationToken);
        if (grouping == ListGrouping.Sector)
        {
            return new ListGroups(
                [.. tallied.Employers.GroupBy(t => VsicSections.Of(t.Facts?.Vsic))
                    .Select(g => Group(g.Key?.Letter ?? "", g.Key is { } s ? $"{s.Letter} – {s.Name}" : T("Chưa rõ ngành", "Sector unknown"), g))
                    .OrderBy(g => g.Code.Length == 0).ThenBy(g => g.Code, StringComparer.Ordinal)],
                tallied.UnknownUnit);
        }

        var communes = await units.GetAsync([.. tallied.Employers.Select(t => t.Facts?.UnitId).OfType<Guid>().Distinct()], cancellationToken);
        return new ListGroups(
            [.. tallied.Employers.GroupBy(t => t.Facts?.UnitId is { } id ? communes.GetValueOrDefault(id) : null)
                .Select(g => Group(g.Key?.Code ?? "", g.Key?.Name ?? T("Chưa xác định địa bàn", "Place unknown"), g))
                .OrderBy(g => g.Code.Length == 0).ThenBy(g => g.Name, StringComparer.CurrentCulture)],
            tallied.UnknownUnit);
    }

    /// <summary>
    /// The list of a unit (a commune, or a district or province with those under it), of a sector, or
    /// both: its employers with their findings per kind and risk score, then the workers found.
    /// </summary>
    public async Task<IReadOnlyList<ExcelSheet>> WorkbookAsync(string? unitCode, string? sector, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var tallied = await tallies.TallyAsync(unitCode, cancellationToken);
        var inSector = VsicSections.ByLetter(sector);
        var employers = tallied.Employers.Where(t => inSector is null || VsicSections.Of(t.Facts?.Vsic) == inSector)
            .OrderByDescending(t => RiskRules.Score(t)).ThenBy(t => t.TaxCode, StringComparer.Ordinal).ToList();
        var communes = await units.GetAsync([.. employers.Select(t => t.Facts?.UnitId).OfType<Guid>().Distinct()], cancellationToken);
        var workers = tallied.UnknownUnit
            ? []
            : (await findings.FindingsAsync(
                new FindingFilter(null, null, null, null, tallied.Covered, inSector is null ? null : [.. employers.Select(t => t.TaxCode)], PersonsOnly: true),
                1, MostFindings, cancellationToken)).Rows;
        return
        [
            ExcelSheet.Of(T("Đơn vị", "Employers"), EmployerColumns(communes), employers),
            ExcelSheet.Of(T("Người lao động", "Workers"), ComplianceEndpoints.Columns(user), workers),
        ];
    }

    /// <summary>
    /// Everything known against one employer, for the inspectors who visit it: who it is, every
    /// finding with the feed row that shows it, and its case. Null when the user's area holds no
    /// finding of it.
    /// </summary>
    public async Task<IReadOnlyList<ExcelSheet>?> EvidenceAsync(string taxCode, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var found = await findings.FindingsAsync(new FindingFilter(null, null, null, taxCode), 1, MostFindings, cancellationToken);
        if (found.Total == 0)
        {
            return null;
        }

        var tally = (await tallies.TallyAsync(null, cancellationToken, taxCode)).Employers is [var only] ? only : null;
        var facts = tally?.Facts;
        var commune = facts?.UnitId is { } id ? (await units.GetAsync([id], cancellationToken)).GetValueOrDefault(id)?.Name : null;
        var reasons = tally is null ? [] : RiskRules.Reasons(tally);
        var steps = await db.Set<EnforcementCase>().AsNoTracking().Where(c => c.EmployerTaxCode == taxCode)
            .SelectMany(c => c.Steps).OrderBy(s => s.On).ThenBy(s => s.At).ToListAsync(cancellationToken);
        (string, object?)[] about =
        [
            (T("Mã số thuế", "Tax code"), taxCode),
            (T("Tên", "Name"), facts?.Name ?? found.Rows[0].Employer),
            (T("Xã, phường", "Commune"), commune),
            (T("Ngành (VSIC)", "Industry (VSIC)"), facts?.Vsic),
            (T("Tình trạng", "Status"), FindingText.EmployerStatus(facts?.Status)),
            (T("Số lao động (tháng gần nhất)", "Workforce (latest month)"), facts?.Workforce),
            (T("Số tiền nợ (đồng)", "Arrears (VND)"), tally?.Arrears),
            (T("Tiền lãi chậm đóng (đồng)", "Interest (VND)"), tally?.Interest),
            (T("Điểm rủi ro", "Risk score"), reasons.Sum(r => r.Points)),
            .. reasons.Select(r => ((string, object?))($"  {r.Text}", $"+{r.Points}")),
        ];
        return
        [
            ExcelSheet.Of(T("Đơn vị", "Employer"), [new(T("Mục", "Item"), a => a.Item1), new(T("Nội dung", "Value"), a => a.Item2)], about),
            ExcelSheet.Of(T("Phát hiện", "Findings"), ComplianceEndpoints.Columns(user), found.Rows),
            ExcelSheet.Of(T("Xử lý", "Case"), StepColumns, steps),
        ];
    }

    private static ListGroup Group(string code, string name, IEnumerable<EmployerTally> employers)
    {
        var list = employers.ToList();
        return new ListGroup(
            code, name, list.Count, list.Count(t => t.Of(FindingKinds.UnregisteredEmployer) is not null),
            list.Sum(t => t.Persons(FindingKinds.HeadcountGap)), list.Sum(t => t.Arrears));
    }

    private static IReadOnlyList<ExcelColumn<EmployerTally>> EmployerColumns(IReadOnlyDictionary<Guid, UnitRef> communes) =>
    [
        new(T("Mã số thuế", "Tax code"), t => t.TaxCode),
        new(T("Đơn vị sử dụng lao động", "Employer"), t => t.Facts?.Name),
        new(T("Xã, phường", "Commune"), t => t.Facts?.UnitId is { } id ? communes.GetValueOrDefault(id)?.Name : null),
        new(T("Ngành (VSIC)", "Industry (VSIC)"), t => t.Facts?.Vsic),
        new(T("Số lao động", "Workforce"), t => t.Workforce),
        new(T("Điểm rủi ro", "Risk score"), t => RiskRules.Score(t)),
        .. FindingKinds.All.Select(kind => new ExcelColumn<EmployerTally>(FindingText.Kind(kind), t =>
            FindingKinds.IsAboutPerson(kind) ? t.Persons(kind) : t.Of(kind)?.Findings ?? 0)),
        new(T("Số tiền nợ (đồng)", "Arrears (VND)"), t => t.Arrears),
    ];

    private static IReadOnlyList<ExcelColumn<CaseStep>> StepColumns =>
    [
        new(T("Ngày", "Date"), s => Date(s.On)),
        new(T("Bước", "Step"), s => FindingText.Step(s.Kind)),
        new(T("Số tiền (đồng)", "Amount (VND)"), s => s.Amount),
        new(T("Văn bản", "Document"), s => s.Document),
        new(T("Ghi chú", "Note"), s => s.Note),
        new(T("Người ghi", "By"), s => s.By),
    ];
}
