using BaoPhu.Platform.Persistence;

namespace BaoPhu.Compliance.Domain;

/// <summary>Where a finding stands in its review.</summary>
public enum FindingState
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
internal sealed class Finding : IUnitOwned
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
}

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
