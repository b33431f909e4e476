using System.Globalization;
using System.Text.Json;
using BaoPhu.Compliance.Contracts;
using BaoPhu.Compliance.Data;
using BaoPhu.Compliance.Domain;
using BaoPhu.Compliance.EvaluateMatching;
using BaoPhu.Platform.Auditing;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Tabular;
using BaoPhu.Units.Contracts;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Compliance.RunCrossCheck;

/// <summary>
/// One cross-check run for a month: each kind of finding is one INSERT … SELECT over the registry's
/// feed tables, straight into the findings for a kind the month has none of yet, else into
/// <c>compliance_candidate</c>, merged then into the findings by key; all in one transaction. Nothing
/// passes row by row through this process, and a re-run updates amounts and evidence but never a
/// finding's review state.
/// </summary>
/// <remarks>
/// Reads the Registry module's tables (documented in its README as read by this module): the feed
/// tables as received, <c>registry_worker</c> to find the ID of a person a tax file names without one,
/// and <c>registry_employer</c> for an employer's commune. The SQL is the same on SQLite and
/// PostgreSQL but for the anti-join and the join to the employers (<see cref="CandidateSql"/>); dates
/// and thresholds are computed here and passed as parameters.
/// </remarks>
internal sealed class CrossCheck(
    BaoPhuDbContext db, DatabaseOptions database, IUnitDirectory units, IUnitScopeSource scopes, IActor actor, TimeProvider clock) : ICrossCheck
{
    /// <summary>Law 2024 Art. 28: an employer registers within 30 days.</summary>
    private const int RegistrationDays = 30;

    /// <summary>Law 2024 Art. 38–39: late payment turns into evasion after 60 days past the deadline.</summary>
    private const int EvasionAfterDays = 60;

    /// <summary>Decree on the payroll gap's tolerance: tax payroll above 105% of the insured wages.</summary>
    private const int PayrollTolerancePercent = 105;

    /// <summary>The insured-wage floor (the base salary while it exists, POLICY.md) from each date.</summary>
    private static readonly (DateOnly From, long Floor)[] Floors =
    [
        (new DateOnly(2019, 7, 1), 1_490_000),
        (new DateOnly(2023, 7, 1), 1_800_000),
        (new DateOnly(2024, 7, 1), 2_340_000),
        (new DateOnly(2026, 7, 1), 2_530_000),
    ];

    /// <remarks>The statements read a month of the lists each, minutes on a large province: they have no time limit.</remarks>
    public Task<CrossCheckResult> RunAsync(CrossCheckRequest request, CancellationToken cancellationToken) =>
        db.Database.WithoutTimeLimitAsync(() => RunWithinAsync(request, cancellationToken));

    private async Task<CrossCheckResult> RunWithinAsync(CrossCheckRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var month = ParsePeriod(request.Period);
        var kinds = KindsOf(request.Kinds);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var scope = await ScopeAsync(request.UnitCode, monthEnd, cancellationToken);
        var asOf = request.AsOf ?? await LatestContributionDayAsync(cancellationToken) ?? monthEnd;
        var run = new CrossCheckRun
        {
            Id = Guid.CreateVersion7(),
            Period = request.Period,
            UnitCode = request.UnitCode,
            AsOf = asOf,
            StartedAt = clock.GetUtcNow().UtcDateTime,
            RequestedBy = actor.Name,
        };

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        string[] periods = [request.Period, month.Year.ToString(CultureInfo.InvariantCulture), ""];
        var staged = await StagedKindsAsync(kinds, periods, scope, cancellationToken);
        var sql = new CandidateSql(db, database.Provider, run.Id, request.Period, now, staged, cancellationToken);
        // The findings written straight into compliance_finding are new; those staged are counted by the merge.
        var added = 0;
        async Task CheckAsync(string kind, Func<Task<int>> statement)
        {
            if (kinds.Contains(kind))
            {
                var rows = await statement();
                added += staged.Contains(kind) ? 0 : rows;
            }
        }

        await CheckAsync(FindingKinds.UnregisteredEmployer, () => sql.UnregisteredEmployersAsync(monthEnd, monthEnd.AddDays(-RegistrationDays)));
        await CheckAsync(FindingKinds.HeadcountGap, () => sql.PersonGapsAsync(FindingKinds.HeadcountGap, compulsoryOnly: true));
        await CheckAsync(FindingKinds.UninsuredWorker, () => sql.PersonGapsAsync(FindingKinds.UninsuredWorker, compulsoryOnly: false));
        await CheckAsync(FindingKinds.PayrollGap, () => sql.PayrollGapAsync(month.Year, PayrollTolerancePercent));
        await CheckAsync(FindingKinds.WageBelowFloor, () => sql.WagesBelowFloorAsync(FloorOn(monthEnd)));

        // A month's contributions are due by the last day of the next month.
        var deadline = month.AddMonths(2).AddDays(-1);
        var daysLate = asOf.DayNumber - deadline.DayNumber;
        if (daysLate > 0)
        {
            var arrears = daysLate <= EvasionAfterDays ? FindingKinds.LatePayment : FindingKinds.Evasion;
            await CheckAsync(arrears, () => sql.ArrearsAsync(arrears, daysLate));
        }

        await CheckAsync(FindingKinds.ClosedWithArrears, () => sql.ClosedWithArrearsAsync(asOf, LastOverdueMonth(asOf)));

        var gone = 0;
        if (staged.Count > 0)
        {
            if (scope is not null)
            {
                await db.Set<FindingCandidate>().Where(c => c.RunId == run.Id && (c.UnitId == null || !scope.Contains(c.UnitId.Value)))
                    .ExecuteDeleteAsync(cancellationToken);
            }

            var merged = await new FindingMerge(db, database.Provider, run.Id, now, cancellationToken).MergeAsync(periods, [.. staged], scope);
            added += merged.Added;
            gone = merged.Gone;
        }

        // What the run found, once per key, from the findings it wrote or found again: the same count whichever way they were written.
        var counts = await db.Set<Finding>().IgnoreQueryFilters()
            .Where(f => periods.Contains(f.Period) && kinds.Contains(f.Kind) && f.LastRunId == run.Id)
            .GroupBy(f => f.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
        var checkedCounts = kinds.ToDictionary(k => k, k => counts.GetValueOrDefault(k));
        run.Counts = JsonSerializer.Serialize(checkedCounts);
        run.New = added;
        run.Gone = gone;
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        db.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CrossCheckResult(run.Id, request.Period, request.UnitCode, asOf, checkedCounts, added, gone);
    }

    public Task<IReadOnlyList<MatchScore>> EvaluateAsync(string truthFile, CancellationToken cancellationToken) =>
        TruthEvaluation.EvaluateAsync(db, truthFile, cancellationToken);

    /// <summary>
    /// The kinds whose findings go through <c>compliance_candidate</c> and the merge: those with findings
    /// of the run's periods already (to be found again, or marked gone), and every kind of a run limited
    /// to a unit (whose candidates outside it are dropped before the merge). The others are written
    /// straight as new findings.
    /// </summary>
    private async Task<HashSet<string>> StagedKindsAsync(string[] kinds, string[] periods, Guid[]? scope, CancellationToken cancellationToken) =>
        scope is not null
            ? [.. kinds]
            : [.. await db.Set<Finding>().IgnoreQueryFilters()
                .Where(f => periods.Contains(f.Period) && kinds.Contains(f.Kind))
                .Select(f => f.Kind).Distinct().ToListAsync(cancellationToken)];

    /// <summary>The month's first day; only yyyy-MM, as the findings store it.</summary>
    private static DateOnly ParsePeriod(string period) =>
        period is { Length: 7 } && TabularValues.TryPeriod(period, out var year, out var month)
            ? new DateOnly(year, month, 1)
            : throw new ComplianceException(
                $"Kỳ phải có dạng yyyy-MM, không phải '{period}' / The period must be yyyy-MM, not '{period}'");

    /// <summary>The kinds asked for, in the order of <see cref="FindingKinds.All"/>; all of them when none is named.</summary>
    private static string[] KindsOf(IReadOnlyList<string>? kinds)
    {
        if (kinds is null)
        {
            return [.. FindingKinds.All];
        }

        var known = string.Join(", ", FindingKinds.All);
        if (kinds.Count == 0)
        {
            throw new ComplianceException(
                $"Cần chọn ít nhất một loại sai phạm: {known} / Name at least one finding kind: {known}");
        }

        var unknown = kinds.FirstOrDefault(k => !FindingKinds.All.Contains(k, StringComparer.Ordinal));
        if (unknown is not null)
        {
            throw new ComplianceException(
                $"Không có loại sai phạm '{unknown}'; các loại: {known} / No finding kind is called '{unknown}'; the kinds are: {known}");
        }

        return [.. FindingKinds.All.Where(k => kinds.Contains(k, StringComparer.Ordinal))];
    }

    private static long FloorOn(DateOnly day) => Floors.Last(f => f.From <= day).Floor;

    /// <summary>The latest month whose deadline (last day of the next month) is before <paramref name="asOf"/>, as yyyy-MM.</summary>
    private static string LastOverdueMonth(DateOnly asOf)
    {
        var month = new DateOnly(asOf.Year, asOf.Month, 1).AddMonths(-1);
        // The deadline of the month before last is the last day of last month: always before asOf.
        var deadlineOfLast = month.AddMonths(2).AddDays(-1);
        var last = deadlineOfLast < asOf ? month : month.AddMonths(-1);
        return last.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    /// <summary>The unit ids under the unit a run is limited to; null when it is not.</summary>
    private async Task<Guid[]?> ScopeAsync(string? unitCode, DateOnly on, CancellationToken cancellationToken)
    {
        if (unitCode is null)
        {
            return null;
        }

        var unit = await units.FindAsync(unitCode, on, cancellationToken)
            ?? throw new ComplianceException(
                $"Không có đơn vị mã '{unitCode}' vào ngày {on:dd/MM/yyyy} / No unit has code '{unitCode}' on {on:yyyy-MM-dd}");
        return [.. await scopes.UnitIdsCoveredByAsync(unit.Id, cancellationToken)];
    }

    /// <summary>The data's "now": the last day of the latest month of contributions loaded.</summary>
    private async Task<DateOnly?> LatestContributionDayAsync(CancellationToken cancellationToken)
    {
        var latest = await RegistryFacts.LatestContributionMonthAsync(db, cancellationToken);
        return latest is null ? null : ParsePeriod(latest).AddMonths(1).AddDays(-1);
    }
}
