using BaoPhu.Compliance.Domain;
using BaoPhu.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Compliance.RunCrossCheck;

/// <summary>
/// Merges a run's candidates into the findings by key: a finding found again takes the run's
/// amounts and evidence and keeps its review state; a new one starts as <see cref="FindingState.New"/>;
/// one of the same periods, kinds and scope the run did not find is marked gone, not deleted, so its
/// review is not lost. Then the run's candidates are removed.
/// </summary>
internal sealed class FindingMerge(BaoPhuDbContext db, DatabaseProvider provider, Guid runId, DateTime now, CancellationToken cancellationToken)
{
    /// <returns>Findings added, and findings marked gone.</returns>
    public async Task<(int Added, int Gone)> MergeAsync(string[] periods, string[] kinds, Guid[]? scope)
    {
        // The candidates are new in this transaction, and a month's first run may have just written its
        // findings: on no statistics PostgreSQL matched each candidate against every finding of its
        // period and kind (55 s for the 33,077 of the 1M benchmark's re-run instead of 2 s).
        await db.Database.RefreshStatisticsAsync(provider, ["compliance_candidate", "compliance_finding"], cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"""
            UPDATE compliance_finding
            SET person_id = c.person_id, weak_match = c.weak_match, unit_id = c.unit_id, amount = c.amount, interest = c.interest,
                evidence_feed = c.evidence_feed, evidence_intake = c.evidence_intake, evidence_row = c.evidence_row,
                last_found_at = {now}, last_run_id = {runId}, gone = FALSE
            FROM compliance_candidate c
            WHERE c.run_id = {runId} AND compliance_finding.kind = c.kind AND compliance_finding.employer_tax_code = c.employer_tax_code
              AND compliance_finding.person_key = c.person_key AND compliance_finding.period = c.period
            """,
            cancellationToken);

        // A key twice among the candidates (a person a tax file lists once with an ID and once without) becomes one finding.
        var added = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO compliance_finding
                (kind, employer_tax_code, person_key, person_id, weak_match, period, unit_id, amount, interest,
                 evidence_feed, evidence_intake, evidence_row, state, first_found_at, last_found_at, last_run_id, gone)
            SELECT c.kind, c.employer_tax_code, c.person_key, c.person_id, c.weak_match, c.period, c.unit_id, c.amount, c.interest,
                   c.evidence_feed, c.evidence_intake, c.evidence_row, 'New', {now}, {now}, {runId}, FALSE
            FROM compliance_candidate c
            WHERE c.run_id = {runId}
            ON CONFLICT (kind, employer_tax_code, person_key, period) DO NOTHING
            """,
            cancellationToken);

        var earlier = db.Set<Finding>().IgnoreQueryFilters().Where(f => periods.Contains(f.Period) && kinds.Contains(f.Kind) && f.LastRunId != runId && !f.Gone);
        if (scope is not null)
        {
            earlier = earlier.Where(f => f.UnitId != null && scope.Contains(f.UnitId.Value));
        }

        var gone = await earlier.ExecuteUpdateAsync(s => s.SetProperty(f => f.Gone, true), cancellationToken);

        await db.Set<FindingCandidate>().Where(c => c.RunId == runId).ExecuteDeleteAsync(cancellationToken);
        return (added, gone);
    }
}
