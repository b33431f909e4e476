using BaoPhu.Demo.Generation;
using BaoPhu.Targets.Contracts;

namespace BaoPhu.Demo.SeedDemo;

/// <summary>
/// The People's Council resolutions that assigned the demo's targets, dated and numbered as real
/// ones are: a year's targets are decided at the council's December session the year before.
/// </summary>
internal static class DemoDecisions
{
    private const string Subject = "Giao chỉ tiêu phát triển đối tượng tham gia BHXH, BHTN, BHYT";

    /// <summary>The province council's resolution for the year, covering the province and the units directly under it.</summary>
    public static TargetDecision Province(int year)
    {
        // The targets of the year of the reform were assigned again to the new communes once they existed.
        if (year == DemoCoverageGenerator.MergerDate.Year)
        {
            return new TargetDecision(
                $"{Number(year) + 30}/NQ-HĐND", DemoCoverageGenerator.MergerDate.AddDays(14), "HĐND tỉnh",
                $"{Subject} năm {year} cho các xã, phường sau sắp xếp");
        }

        return new TargetDecision($"{Number(year)}/NQ-HĐND", new DateOnly(year - 1, 12, 10), "HĐND tỉnh", $"{Subject} năm {year}");
    }

    // Resolutions are numbered through the council's year; a December session's land in the teens and twenties.
    private static int Number(int year) => 15 + ((year - 2021) % 9 + 9) % 9;
}
