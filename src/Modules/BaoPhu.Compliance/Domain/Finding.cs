using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Security;

namespace BaoPhu.Compliance.Domain;

/// <summary>Where a finding stands in its review.</summary>
internal enum FindingState
{
    New,
    UnderReview,
    Confirmed,
    Dismissed,
    CaseOpened,
}

/// <summary>
/// One problem a cross-check found: its kind, the employer, the person where the kind names one, the
/// period, and the feed row that shows it. Its key is (kind, employer, person key, period): a re-run
/// finds the same finding again and updates its amounts and evidence, never its review state.
/// </summary>
internal sealed class Finding : IUnitOwned, IAudited
{
    public long Id { get; private set; }

    public string Kind { get; private set; } = "";

    public string EmployerTaxCode { get; private set; } = "";

    /// <summary>The national ID, or for a person found by name and birth date only "folded name|yyyy-MM-dd"; "" when the kind names no person.</summary>
    public string PersonKey { get; private set; } = "";

    /// <summary>The national ID when known (also when found through name and birth date).</summary>
    public string? PersonId { get; private set; }

    /// <summary>The person was matched by name and birth date, the file having no usable ID: a weaker match.</summary>
    public bool WeakMatch { get; private set; }

    /// <summary>yyyy-MM; yyyy for the payroll gap; "" for a closed employer's arrears.</summary>
    public string Period { get; private set; } = "";

    /// <summary>The employer's commune; null when no list places it (then only whole-country users see it).</summary>
    public Guid? UnitId { get; private set; }

    /// <summary>VND: income not insured, the payroll gap, the insured wage below the floor, or the arrears.</summary>
    public long? Amount { get; private set; }

    /// <summary>VND: interest on arrears at 0.03% a day to the run's as-of day.</summary>
    public long? Interest { get; private set; }

    public string EvidenceFeed { get; private set; } = "";

    public Guid? EvidenceIntake { get; private set; }

    public int? EvidenceRow { get; private set; }

    public FindingState State { get; private set; }

    public DateTime FirstFoundAt { get; private set; }

    public DateTime LastFoundAt { get; private set; }

    public Guid LastRunId { get; private set; }

    /// <summary>An earlier run found it and the latest run of its month and scope did not.</summary>
    public bool Gone { get; private set; }

    /// <summary>Why it was confirmed or dismissed, in the reviewer's words.</summary>
    public string? StateReason { get; private set; }

    public DateTime? StateChangedAt { get; private set; }

    public string? StateChangedBy { get; private set; }

    /// <summary>The unit (commune, district or province) asked to follow it up; null while the finding's own commune has it.</summary>
    public Guid? AssignedUnitId { get; private set; }

    /// <summary>The agency asked to follow it up (<c>Agencies</c>).</summary>
    public string? AssignedAgency { get; private set; }

    /// <summary>The enforcement case it went into.</summary>
    public Guid? CaseId { get; private set; }

    /// <summary>New → under review → confirmed or dismissed (with a reason) → case opened; a dismissed finding may be reviewed again.</summary>
    public FindingEvent MoveTo(FindingState next, string? reason, string by, DateTime at)
    {
        var allowed = (State, next) switch
        {
            (FindingState.New, FindingState.UnderReview) => true,
            (FindingState.Dismissed, FindingState.UnderReview) => true,
            (FindingState.UnderReview, FindingState.Confirmed) => true,
            (FindingState.UnderReview, FindingState.Dismissed) => true,
            _ => false,
        };
        if (!allowed)
        {
            throw new FindingException(
                $"Không thể chuyển từ '{FindingText.State(State, vietnamese: true)}' sang '{FindingText.State(next, vietnamese: true)}' / " +
                $"A finding cannot go from '{FindingText.State(State, vietnamese: false)}' to '{FindingText.State(next, vietnamese: false)}'");
        }

        if (next == FindingState.Dismissed && string.IsNullOrWhiteSpace(reason))
        {
            throw new FindingException("Cần ghi lý do bác bỏ / A dismissal needs a reason");
        }

        return Change(next, reason, by, at);
    }

    /// <summary>
    /// Asks an agency, and optionally a unit (the finding's commune or one above it), to follow the
    /// finding up; allowed in any state, kept in the history as a step that does not change it.
    /// </summary>
    public FindingEvent AssignTo(string agency, Guid? unitId, string by, DateTime at)
    {
        if (!Agencies.IsKnown(agency))
        {
            throw new FindingException($"Không có cơ quan '{agency}' / There is no agency '{agency}'");
        }

        AssignedAgency = agency;
        AssignedUnitId = unitId;
        return new FindingEvent
        {
            Id = Guid.CreateVersion7(),
            FindingId = Id,
            At = at,
            By = by,
            From = State,
            To = State,
            AssignedAgency = agency,
            AssignedUnitId = unitId,
        };
    }

    /// <summary>A confirmed finding goes into an enforcement case.</summary>
    public FindingEvent PutInCase(Guid caseId, string by, DateTime at)
    {
        if (State != FindingState.Confirmed)
        {
            throw new FindingException("Chỉ mở hồ sơ cho phát hiện đã xác nhận / Only a confirmed finding goes into a case");
        }

        CaseId = caseId;
        return Change(FindingState.CaseOpened, null, by, at);
    }

    private FindingEvent Change(FindingState next, string? reason, string by, DateTime at)
    {
        var change = new FindingEvent
        {
            Id = Guid.CreateVersion7(),
            FindingId = Id,
            At = at,
            By = by,
            From = State,
            To = next,
            Note = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
        };
        State = next;
        StateReason = change.Note ?? (next is FindingState.UnderReview ? null : StateReason);
        StateChangedAt = at;
        StateChangedBy = by;
        return change;
    }
}

/// <summary>One step of a finding's review, kept as its history.</summary>
internal sealed class FindingEvent
{
    public Guid Id { get; init; }

    public long FindingId { get; init; }

    public DateTime At { get; init; }

    public string By { get; init; } = "";

    public FindingState From { get; init; }

    public FindingState To { get; init; }

    public string? Note { get; init; }

    /// <summary>Set when the step assigned the finding: to which agency.</summary>
    public string? AssignedAgency { get; init; }

    /// <summary>Set when the step assigned the finding to a unit as well.</summary>
    public Guid? AssignedUnitId { get; init; }
}

/// <summary>A review step the finding's state does not allow, or one missing what it needs.</summary>
internal sealed class FindingException(string message) : Exception(message);

/// <summary>A finding as one run computes it, before it is merged into <see cref="Finding"/>; removed at the end of the run.</summary>
internal sealed class FindingCandidate
{
    public Guid RunId { get; set; }

    public string Kind { get; set; } = "";

    public string EmployerTaxCode { get; set; } = "";

    public string PersonKey { get; set; } = "";

    public string? PersonId { get; set; }

    public bool WeakMatch { get; set; }

    public string Period { get; set; } = "";

    public Guid? UnitId { get; set; }

    public long? Amount { get; set; }

    public long? Interest { get; set; }

    public string EvidenceFeed { get; set; } = "";

    public Guid? EvidenceIntake { get; set; }

    public int? EvidenceRow { get; set; }
}

/// <summary>One cross-check run: what it checked, as of when, and what it found.</summary>
internal sealed class CrossCheckRun
{
    public Guid Id { get; init; }

    public string Period { get; init; } = "";

    public string? UnitCode { get; init; }

    public DateOnly AsOf { get; init; }

    public DateTime StartedAt { get; init; }

    public DateTime FinishedAt { get; set; }

    public string RequestedBy { get; init; } = "";

    /// <summary>Findings per kind, as JSON.</summary>
    public string Counts { get; set; } = "{}";

    public int New { get; set; }

    public int Gone { get; set; }
}
