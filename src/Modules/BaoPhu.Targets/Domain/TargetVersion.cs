using BaoPhu.Platform.Persistence;

namespace BaoPhu.Targets.Domain;

internal enum TargetState
{
    Draft = 0,
    Approved = 1,

    /// <summary>An approved version replaced by a later approved revision; kept for the record.</summary>
    Superseded = 2,
}

/// <summary>Who put the number in: the unit itself proposing, an upper level assigning, or a feed.</summary>
internal enum TargetOrigin
{
    Assigned = 0,
    Proposed = 1,
    Imported = 2,
}

/// <summary>
/// One version of a unit's target for an indicator and year. Versions only grow: a revision of an
/// approved target is a new draft, and the approved one stays in force until the draft is approved.
/// </summary>
internal sealed class TargetVersion : IUnitOwned, IAudited
{
    private TargetVersion()
    {
        Indicator = "";
        SetBy = "";
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public int Year { get; private set; }

    public string Indicator { get; private set; }

    public int Version { get; private set; }

    public decimal Value { get; private set; }

    public TargetState State { get; private set; }

    public TargetOrigin Origin { get; private set; }

    public Guid? DecisionId { get; private set; }

    public DateTime SetAt { get; private set; }

    public string SetBy { get; private set; }

    public static TargetVersion Create(Guid unitId, int year, string indicator, int version, decimal value, TargetOrigin origin, DateTime at, string by) => new()
    {
        Id = Guid.CreateVersion7(),
        UnitId = unitId,
        Year = year,
        Indicator = indicator,
        Version = version,
        Value = value,
        Origin = origin,
        State = TargetState.Draft,
        SetAt = at,
        SetBy = by,
    };

    public void Revise(decimal value, TargetOrigin origin, DateTime at, string by)
    {
        if (State != TargetState.Draft)
        {
            throw new InvalidOperationException("Only a draft target can be changed; an approved one is revised by a new version.");
        }

        Value = value;
        Origin = origin;
        SetAt = at;
        SetBy = by;
    }

    public void Approve(Guid decisionId)
    {
        State = TargetState.Approved;
        DecisionId = decisionId;
    }

    public void Supersede() => State = TargetState.Superseded;
}

/// <summary>An approval: the decision that fixed the targets of a unit and its children for a year.</summary>
internal sealed class TargetDecisionRecord : IUnitOwned, IAudited
{
    private TargetDecisionRecord()
    {
        Number = "";
        Body = "";
        ApprovedBy = "";
    }

    public Guid Id { get; private set; }

    public Guid UnitId { get; private set; }

    public int Year { get; private set; }

    public string Number { get; private set; }

    public DateOnly Date { get; private set; }

    public string Body { get; private set; }

    public string? Note { get; private set; }

    public DateTime ApprovedAt { get; private set; }

    public string ApprovedBy { get; private set; }

    public static TargetDecisionRecord Create(Guid unitId, int year, string number, DateOnly date, string body, string? note, DateTime at, string by) => new()
    {
        Id = Guid.CreateVersion7(),
        UnitId = unitId,
        Year = year,
        Number = number,
        Date = date,
        Body = body,
        Note = note,
        ApprovedAt = at,
        ApprovedBy = by,
    };
}
