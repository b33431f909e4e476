using BaoPhu.Platform.Persistence;

namespace BaoPhu.Compliance.Domain;

/// <summary>
/// What happens in an enforcement case, in the order it usually happens (Law 2024 Art. 38–41,
/// Penal Code Art. 216): the inspection, the violations it records, the fines, the amounts
/// recovered, the trade union's lawsuit, the referral to the police.
/// </summary>
internal enum CaseStepKind
{
    Inspection,
    Violation,
    Fine,
    Recovery,
    Lawsuit,
    CriminalReferral,
}

/// <summary>
/// An employer's enforcement case, opened from confirmed findings and followed step by step to the
/// money recovered.
/// </summary>
internal sealed class EnforcementCase : IUnitOwned, IAudited
{
    public Guid Id { get; init; }

    public string EmployerTaxCode { get; init; } = "";

    /// <summary>The employer's commune, as its findings say.</summary>
    public Guid? UnitId { get; init; }

    public DateTime OpenedAt { get; init; }

    public string OpenedBy { get; init; } = "";

    public List<CaseStep> Steps { get; init; } = [];

    /// <summary>VND recovered so far: the sum of the recovery steps.</summary>
    public long Recovered => Steps.Where(s => s.Kind == CaseStepKind.Recovery).Sum(s => s.Amount ?? 0);

    /// <summary>VND of fines imposed so far.</summary>
    public long Fined => Steps.Where(s => s.Kind == CaseStepKind.Fine).Sum(s => s.Amount ?? 0);

    public CaseStep Record(CaseStepKind kind, DateOnly on, long? amount, string? document, string? note, string by, DateTime at)
    {
        if (kind is CaseStepKind.Fine or CaseStepKind.Recovery && amount is not > 0)
        {
            throw new FindingException("Khoản phạt hoặc số tiền thu hồi cần số tiền lớn hơn 0 / A fine or a recovery needs an amount above 0");
        }

        if (DateOnly.FromDateTime(at.AddDays(1)) < on)
        {
            throw new FindingException($"Ngày {on:dd/MM/yyyy} chưa đến / {on:yyyy-MM-dd} is in the future");
        }

        var step = new CaseStep
        {
            Id = Guid.CreateVersion7(),
            CaseId = Id,
            Kind = kind,
            On = on,
            Amount = amount,
            Document = string.IsNullOrWhiteSpace(document) ? null : document.Trim(),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            By = by,
            At = at,
        };
        Steps.Add(step);
        return step;
    }
}

/// <summary>One dated step of a case, with its document (decision number, minutes) and amount where it has one.</summary>
internal sealed class CaseStep : IAudited
{
    public Guid Id { get; init; }

    public Guid CaseId { get; init; }

    public CaseStepKind Kind { get; init; }

    public DateOnly On { get; init; }

    /// <summary>VND: the fine imposed or the amount recovered.</summary>
    public long? Amount { get; init; }

    public string? Document { get; init; }

    public string? Note { get; init; }

    public string By { get; init; } = "";

    public DateTime At { get; init; }
}
