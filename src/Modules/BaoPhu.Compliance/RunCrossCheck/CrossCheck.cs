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
/// feed tables into <c>compliance_candidate</c>, then the candidates are merged into the findings by
/// key, in one transaction. Nothing passes row by row through this process, and a re-run updates
/// amounts and evidence but never a finding's review state.
/// </summary>
/// <remarks>
/// Reads the Registry module's tables (documented in its README as read by this module): the feed
/// tables as received, <c>registry_worker</c> to find the ID of a person a tax file names without one,
/// and <c>registry_employer</c> for an employer's commune. The SQL is the same on SQLite and
/// PostgreSQL but for one anti-join (<see cref="CandidateSql"/>); dates and thresholds are computed
/// here and passed as parameters.
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
        var sql = new CandidateSql(db, database.Provider, run.Id, request.Period, cancellationToken);
        if (kinds.Contains(FindingKinds.UnregisteredEmployer))
        {
            await sql.UnregisteredEmployersAsync(monthEnd, monthEnd.AddDays(-RegistrationDays));
        }

        if (kinds.Contains(FindingKinds.HeadcountGap))
        {
            await sql.PersonGapsAsync(FindingKinds.HeadcountGap, compulsoryOnly: true);
        }

        if (kinds.Contains(FindingKinds.UninsuredWorker))
        {
            await sql.PersonGapsAsync(FindingKinds.UninsuredWorker, compulsoryOnly: false);
        }

        if (kinds.Contains(FindingKinds.PayrollGap))
        {
            await sql.PayrollGapAsync(month.Year, PayrollTolerancePercent);
        }

        if (kinds.Contains(FindingKinds.WageBelowFloor))
        {
            await sql.WagesBelowFloorAsync(FloorOn(monthEnd));
        }

        // A month's contributions are due by the last day of the next month.
        var deadline = month.AddMonths(2).AddDays(-1);
        var daysLate = asOf.DayNumber - deadline.DayNumber;
        var arrears = daysLate <= EvasionAfterDays ? FindingKinds.LatePayment : FindingKinds.Evasion;
        if (daysLate > 0 && kinds.Contains(arrears))
        {
            await sql.ArrearsAsync(arrears, daysLate);
        }

        if (kinds.Contains(FindingKinds.ClosedWithArrears))
        {
            await sql.ClosedWithArrearsAsync(asOf, LastOverdueMonth(asOf));
        }

        if (scope is not null)
        {
            await db.Set<FindingCandidate>().Where(c => c.RunId == run.Id && (c.UnitId == null || !scope.Contains(c.UnitId.Value)))
                .ExecuteDeleteAsync(cancellationToken);
        }

        var counts = await db.Set<FindingCandidate>().Where(c => c.RunId == run.Id)
            .GroupBy(c => c.Kind).Select(g => new { Kind = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Kind, g => g.Count, cancellationToken);
        var (added, gone) = await new FindingMerge(db, run.Id, clock.GetUtcNow().UtcDateTime, cancellationToken)
            .MergeAsync([request.Period, month.Year.ToString(CultureInfo.InvariantCulture), ""], kinds, scope);

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
