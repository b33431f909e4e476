
using BaoPhu.Targets.Contracts;

namespace BaoPhu.Targets.ShowCoverage;

internal sealed record ChildResult(string Code, string Name, int? Rank, IReadOnlyList<IndicatorResult> Indicators);

internal sealed record CoverageResult(string Unit, string Name, int Year, DateOnly On, IReadOnlyList<IndicatorResult> Indicators, string? RankedBy, IReadOnlyList<ChildResult> Children);

internal static class CoverageApi
{
    public static CoverageResult From(CoverageView view) => new(
        view.Unit.Code,
        view.Unit.Name,
        view.Year,
        view.On,
        view.Cards.Select(c => Result(c.Value)).ToList(),
        view.RankedBy,
        view.Children.Select(c => new ChildResult(c.Unit.Code, c.Unit.Name, c.Rank, c.Values.Values.Select(Result).ToList())).ToList());

    public static IndicatorResult Result(IndicatorValue value)
    {
        var percent = value.Indicator.IsPercent;
        return new IndicatorResult(
            value.Indicator.Code,
            percent ? CoverageText.Round(value.Target, 1) : Plain(value.Target),
            percent ? CoverageText.Round(value.Actual, 1) : Plain(value.Actual),
            CoverageText.Round(value.Rate, 1),
            CoverageText.Round(value.Progress.Completion, 1),
            value.Progress.Status,
            value.Actual is null ? null : value.AsOfMonth,
            percent ? CoverageText.Round(value.Progress.Expected, 1) : CoverageText.Round(value.Progress.Expected, 0));
    }

    /// <summary>Drops the storage scale (15890.000000 from numeric(20,6)) so a whole count prints as 15890.</summary>
    private static decimal? Plain(decimal? value) => value / 1.000000000000000000000000000000000m;
}
