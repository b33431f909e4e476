using BaoPhu.Compliance.Contracts;
using BaoPhu.Compliance.Domain;
using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Tabular;
using Microsoft.EntityFrameworkCore;

namespace BaoPhu.Compliance.EvaluateMatching;

/// <summary>
/// The findings standing now (not gone) against a list of the problems known to be in the data, such
/// as the demo generator's <c>truth.csv</c>: per kind, how many of the findings are right (precision)
/// and how many of the known problems were found (recall). A finding and a known problem agree when
/// kind, employer, period and, for the kinds about a person, the national ID are the same.
/// </summary>
internal static class TruthEvaluation
{
    public static async Task<IReadOnlyList<MatchScore>> EvaluateAsync(BaoPhuDbContext db, string truthFile, CancellationToken cancellationToken)
    {
        var expected = ReadTruth(truthFile);
        var found = (await db.Set<Finding>().IgnoreQueryFilters().AsNoTracking()
                .Where(f => !f.Gone)
                .Select(f => new { f.Kind, f.EmployerTaxCode, Person = f.PersonId ?? f.PersonKey, f.Period })
                .ToListAsync(cancellationToken))
            .Select(f => Key(f.Kind, f.EmployerTaxCode, f.Person, f.Period))
            .ToHashSet();

        return [.. FindingKinds.All.Select(kind =>
        {
            var mine = found.Where(f => f.Kind == kind).ToHashSet();
            var theirs = expected.Where(e => e.Kind == kind).ToHashSet();
            var agreed = mine.Count(theirs.Contains);
            return new MatchScore(kind, theirs.Count, mine.Count, agreed,
                mine.Count == 0 ? (theirs.Count == 0 ? 1 : 0) : (double)agreed / mine.Count,
                theirs.Count == 0 ? 1 : (double)agreed / theirs.Count);
        })];
    }

    private static (string Kind, string Employer, string Person, string Period) Key(string kind, string employer, string person, string period) =>
        (kind, employer, FindingKinds.IsAboutPerson(kind) ? person : "", period);

    private static HashSet<(string Kind, string Employer, string Person, string Period)> ReadTruth(string file)
    {
        using var reader = TabularReader.Open(file);
        reader.RequireColumns("kind", "employer_tax_code", "person_id", "period");
        var rows = new HashSet<(string, string, string, string)>();
        while (reader.Read())
        {
            var kind = reader["kind"] ?? "";
            if (!FindingKinds.All.Contains(kind))
            {
                throw new ComplianceException(
                    $"{Path.GetFileName(file)}, dòng/row {reader.Row}, cột/column 'kind': không có loại '{kind}' / there is no kind '{kind}'");
            }

            rows.Add(Key(kind, reader["employer_tax_code"] ?? "", reader["person_id"] ?? "", reader["period"] ?? ""));
        }

        return rows;
    }
}
