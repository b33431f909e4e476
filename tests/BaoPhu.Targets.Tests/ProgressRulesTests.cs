using BaoPhu.Targets.Domain;

namespace BaoPhu.Targets.Tests;

public sealed class ProgressRulesTests
{
    private static readonly CoverageSettings Settings = new();

    [Theory]
    [InlineData(1100, ProgressStatus.OnTrack)]   // the whole planned gain by June
    [InlineData(1070, ProgressStatus.AtRisk)]    // 70% of it
    [InlineData(1020, ProgressStatus.Lagging)]   // 20% of it
    public void Assess_HalfwayThroughTheYear_ComparesTheGainWithThePlan(int actual, string status)
    {
        var progress = ProgressRules.Assess(target: 1200, actual: actual, asOfMonth: 6, baseline: 1000, Settings);

        Assert.Equal(1100m, progress.Expected);
        Assert.Equal(status, progress.Status);
        Assert.Equal(actual / 1200m * 100m, progress.Completion);
    }

    [Fact]
    public void Assess_WithCustomPace_ExpectsWhatThePaceSays()
    {
        var settings = new CoverageSettings();
        foreach (var share in new[] { 0.02m, 0.04m, 0.06m, 0.1m, 0.15m, 0.25m, 0.35m, 0.45m, 0.6m, 0.75m, 0.9m, 1m })
        {
            settings.Pace.Add(share);
        }

        var progress = ProgressRules.Assess(1200, 1060, 6, 1000, settings);

        Assert.Equal(1050m, progress.Expected);
        Assert.Equal(ProgressStatus.OnTrack, progress.Status);
    }

    [Fact]
    public void Assess_WithoutTargetOrActual_SaysWhichIsMissing()
    {
        Assert.Equal(ProgressStatus.NoTarget, ProgressRules.Assess(null, 5, 3, null, Settings).Status);
        Assert.Equal(ProgressStatus.NoActual, ProgressRules.Assess(5, null, 0, null, Settings).Status);
    }

    [Fact]
    public void Outlook_ForACountMilestone_GivesTheCompoundGrowthStillNeeded()
    {
        // 1,000 at the end of 2025, 1,210 wanted by the end of 2027: 10% a year.
        var outlook = ProgressRules.Outlook(2027, 1210, 1000, 2025, 12, isCount: true, [(2024, 950m), (2025, 1000m)]);

        Assert.Equal(10m, Math.Round(outlook.NeededPerYear!.Value, 3));
        Assert.Equal(1000m / 950m * 100m - 100m, Math.Round(outlook.RecentPerYear!.Value, 10), 6);
        Assert.False(outlook.OnCourse);
    }

    [Fact]
    public void Outlook_ForARateMilestone_GivesPercentagePointsAYear()
    {
        var outlook = ProgressRules.Outlook(2030, 60, 40, 2025, 12, isCount: false, [(2022, 31m), (2025, 40m)]);

        Assert.Equal(4m, outlook.NeededPerYear);
        Assert.Equal(3m, outlook.RecentPerYear);
        Assert.False(outlook.OnCourse);
    }
}
