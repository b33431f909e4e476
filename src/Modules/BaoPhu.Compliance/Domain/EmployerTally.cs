using System.Globalization;
using BaoPhu.Compliance.Contracts;
using BaoPhu.Compliance.Data;

namespace BaoPhu.Compliance.Domain;

/// <summary>What an employer's standing findings (not gone, not dismissed) add up to, for one kind.</summary>
internal sealed record KindTally(string Kind, int Findings, int Persons, long Amount, long Interest, string Oldest);

/// <summary>
/// An employer's standing findings tallied by kind, beside what the registry knows of it: what its
/// risk score and its line in the arrears review are computed from.
/// </summary>
/// <param name="ReferenceMonth">The month of the day the latest cross-check aged arrears to (yyyy-MM).</param>
internal sealed record EmployerTally(string TaxCode, IReadOnlyDictionary<string, KindTally> Kinds, EmployerFacts? Facts, string? ReferenceMonth)
{
    public int Workforce => Facts?.Workforce ?? 0;

    public KindTally? Of(string kind) => Kinds.GetValueOrDefault(kind);

    public int Persons(string kind) => Of(kind)?.Persons ?? 0;

    public bool HasArrears => Of(FindingKinds.LatePayment) is not null || Of(FindingKinds.Evasion) is not null || Of(FindingKinds.ClosedWithArrears) is not null;

    /// <summary>
    /// VND owed: the months unpaid, or what a closed employer owes if that is more (it is the same
    /// debt seen whole, so the two are not added).
    /// </summary>
    public long Arrears =>
        Math.Max((Of(FindingKinds.LatePayment)?.Amount ?? 0) + (Of(FindingKinds.Evasion)?.Amount ?? 0), Of(FindingKinds.ClosedWithArrears)?.Amount ?? 0);

    /// <summary>VND of interest on the months unpaid at 0.03% a day, or on a closed employer's whole debt if that is more.</summary>
    public long Interest =>
        Math.Max((Of(FindingKinds.LatePayment)?.Interest ?? 0) + (Of(FindingKinds.Evasion)?.Interest ?? 0), Of(FindingKinds.ClosedWithArrears)?.Interest ?? 0);

    /// <summary>Months unpaid past their deadline.</summary>
    public int MonthsOwed => (Of(FindingKinds.LatePayment)?.Findings ?? 0) + (Of(FindingKinds.Evasion)?.Findings ?? 0);

    /// <summary>The oldest month unpaid (yyyy-MM); null with none.</summary>
    public string? OldestArrears =>
        new[] { Of(FindingKinds.LatePayment)?.Oldest, Of(FindingKinds.Evasion)?.Oldest }.Where(p => p is { Length: 7 }).Min(StringComparer.Ordinal);

    /// <summary>Months from the oldest month unpaid to the reference month; 0 with no arrears.</summary>
    public int ArrearsMonths =>
        OldestArrears is { } oldest && ReferenceMonth is { Length: 7 } reference ? Math.Max(0, MonthNumber(reference) - MonthNumber(oldest)) : 0;

    private static int MonthNumber(string period) =>
        (int.Parse(period[..4], CultureInfo.InvariantCulture) * 12) + int.Parse(period[5..], CultureInfo.InvariantCulture);
}
