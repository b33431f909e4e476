namespace BaoPhu.Targets.Domain;

/// <summary>The versioning rules of one unit's target for one indicator and year.</summary>
internal static class TargetBook
{
    public enum Outcome
    {
        Unchanged,
        Created,
        Revised,
    }

    /// <summary>
    /// Applies a new value: the first version, a change to the open draft, or a new draft over an
    /// approved version (which stays in force until the draft is approved).
    /// </summary>
    public static (Outcome Outcome, TargetVersion? Added) Set(
        IReadOnlyList<TargetVersion> versions, Guid unitId, int year, string indicator, decimal value, TargetOrigin origin, DateTime at, string by)
    {
        var latest = versions.MaxBy(v => v.Version);
        if (latest is null)
        {
            return (Outcome.Created, TargetVersion.Create(unitId, year, indicator, 1, value, origin, at, by));
        }

        if (latest.Value == value)
        {
            return (Outcome.Unchanged, null);
        }

        if (latest.State == TargetState.Draft)
        {
            latest.Revise(value, origin, at, by);
            return (Outcome.Revised, null);
        }

        return (Outcome.Created, TargetVersion.Create(unitId, year, indicator, latest.Version + 1, value, origin, at, by));
    }

    /// <summary>Approves the open draft, if any, superseding the version approved before it.</summary>
    public static bool Approve(IReadOnlyList<TargetVersion> versions, Guid decisionId)
    {
        var latest = versions.MaxBy(v => v.Version);
        if (latest is not { State: TargetState.Draft })
        {
            return false;
        }

        foreach (var approved in versions.Where(v => v.State == TargetState.Approved))
        {
            approved.Supersede();
        }

        latest.Approve(decisionId);
        return true;
    }
}
