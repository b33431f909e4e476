namespace BaoPhu.Demo.Generation;

/// <summary>
/// Which years of targets and months of actuals the demo province gets. "Today" is a parameter so
/// that the same seed and the same day always give the same files, and tests can pin the day.
/// </summary>
/// <param name="Today">Actuals run up to the month before this day's month; targets of earlier years count as past.</param>
/// <param name="FirstYear">The first year with targets, and January of it the first month with actuals.</param>
/// <param name="LastYear">The last year with targets; 2030 is the plans' horizon.</param>
public sealed record DemoCoverageOptions(DateOnly Today, int FirstYear = 2021, int LastYear = 2030)
{
    internal const int EarliestYear = 2000;
    internal const int LatestYear = 2100;

    /// <summary>Years whose targets were decided before today: the years before today's.</summary>
    public IEnumerable<int> PastYears
    {
        get
        {
            var last = Math.Min(LastYear, Today.Year - 1);
            return last < FirstYear ? [] : Enumerable.Range(FirstYear, last - FirstYear + 1);
        }
    }

    internal void EnsureValid()
    {
        if (FirstYear < EarliestYear || LastYear > LatestYear || FirstYear > LastYear)
        {
            throw new ArgumentOutOfRangeException(
                nameof(FirstYear),
                $"Demo coverage years must satisfy {EarliestYear} <= first <= last <= {LatestYear}; got {FirstYear}..{LastYear}.");
        }
    }
}
