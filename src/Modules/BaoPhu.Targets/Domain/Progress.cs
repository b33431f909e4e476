namespace BaoPhu.Targets.Domain;

/// <summary>Thresholds and pace from the <c>Targets</c> configuration section.</summary>
internal sealed class CoverageSettings
{
    /// <summary>On track from this share of the gain planned by now (0.9 = 90%).</summary>
    public decimal OnTrack { get; set; } = 0.9m;

    /// <summary>At risk from this share; lagging below.</summary>
    public decimal AtRisk { get; set; } = 0.6m;

    /// <summary>
    /// Cumulative share of the year's planned gain expected by the end of each month, January first;
    /// empty for linear (1/12 a month). Twelve numbers rising to 1 otherwise.
    /// </summary>
    public IList<decimal> Pace { get; } = [];

    public decimal PaceAt(int month)
    {
        var m = Math.Clamp(month, 0, 12);
        if (m == 0)
        {
            return 0;
        }

        return Pace.Count == 12 ? Pace[m - 1] : m / 12m;
    }
}

internal static class ProgressStatus
{
    public const string OnTrack = "on_track";
    public const string AtRisk = "at_risk";
    public const string Lagging = "lagging";
    public const string NoTarget = "no_target";
    public const string NoActual = "no_actual";
}

/// <summary>Where a value stands against its target for the year.</summary>
/// <param name="Expected">What the pace asks for by the actual's month.</param>
/// <param name="Completion">Actual ÷ target, in percent.</param>
internal sealed record Progress(decimal? Expected, decimal? Completion, string Status);

/// <summary>The average yearly growth still needed to reach a milestone, against the recent pace.</summary>
/// <param name="NeededPerYear">Percent a year for counts; percentage points a year for rates.</param>
/// <param name="RecentPerYear">The same measure over up to the last three years of actuals.</param>
internal sealed record MilestoneOutlook(int Year, decimal Target, decimal? NeededPerYear, decimal? RecentPerYear, bool Reached)
{
    public bool? OnCourse => Reached ? true : NeededPerYear is null || RecentPerYear is null ? null : RecentPerYear >= NeededPerYear;
}

/// <summary>
/// Pace, status and foresight. The year's plan runs from the baseline (last year's value) to the
/// target, along the pace; status compares the gain made so far with the gain planned by the
/// actual's month. Without a baseline the level is compared with the target itself.
/// </summary>
internal static class ProgressRules
{
    public static Progress Assess(decimal? target, decimal? actual, int asOfMonth, decimal? baseline, CoverageSettings settings)
    {
        if (target is not { } t)
        {
            return new Progress(null, null, ProgressStatus.NoTarget);
        }

        if (actual is not { } a)
        {
            return new Progress(null, null, ProgressStatus.NoActual);
        }

        var completion = t == 0 ? (decimal?)null : a / t * 100m;
        var month = asOfMonth == 0 ? 12 : asOfMonth;
        if (baseline is { } b && t > b)
        {
            var expected = b + ((t - b) * settings.PaceAt(month));
            var planned = expected - b;
            var share = planned <= 0 ? 1m : (a - b) / planned;
            return new Progress(expected, completion, Classify(share, settings));
        }

        // No planned gain: the target is already the level to hold (or there is no baseline).
        return new Progress(t, completion, Classify(t == 0 ? 1m : a / t, settings, level: true));
    }

    public static MilestoneOutlook Outlook(
        int milestoneYear, decimal target, decimal latest, int latestYear, int latestMonth, bool isCount, IReadOnlyList<(int Year, decimal Value)> history)
    {
        var reached = latest >= target;
        var years = milestoneYear - latestYear + ((12m - (latestMonth == 0 ? 12 : latestMonth)) / 12m);
        decimal? needed = years <= 0 || reached ? null : PerYear(latest, target, years, isCount);
        var recent = history.Where(h => h.Year < latestYear).OrderByDescending(h => h.Year).Take(3).LastOrDefault();
        decimal? recentPace = recent == default ? null : PerYear(recent.Value, latest, latestYear - recent.Year, isCount);
        return new MilestoneOutlook(milestoneYear, target, needed, recentPace, reached);
    }

    private static decimal? PerYear(decimal from, decimal to, decimal years, bool isCount)
    {
        if (years <= 0)
        {
            return null;
        }

        if (!isCount)
        {
            return (to - from) / years;
        }

        return from <= 0 ? null : (decimal)((Math.Pow((double)(to / from), 1 / (double)years) - 1) * 100);
    }

    /// <summary>A level is held to tighter thresholds than a gain: 90% of a year's growth is near, 90% of a level is far.</summary>
    private static string Classify(decimal share, CoverageSettings settings, bool level = false)
    {
        var onTrack = level ? 1m - ((1m - settings.OnTrack) / 10m) : settings.OnTrack;
        var atRisk = level ? 1m - ((1m - settings.AtRisk) / 10m) : settings.AtRisk;
        return share >= onTrack ? ProgressStatus.OnTrack : share >= atRisk ? ProgressStatus.AtRisk : ProgressStatus.Lagging;
    }
}
