using BaoPhu.Platform.Persistence;
using BaoPhu.Platform.Tabular;
using BaoPhu.Targets.Contracts;
using BaoPhu.Units.Contracts;

namespace BaoPhu.Targets.ImportCoverage;

/// <summary>One valid row of a <c>targets</c> or <c>coverage-actuals</c> file: month 0 is the whole year.</summary>
internal readonly record struct CoverageRow(int Row, Guid UnitId, string Indicator, int Year, int Month, decimal Value);

/// <summary>
/// Reads and checks a whole <c>targets</c> or <c>coverage-actuals</c> file before anything is written:
/// every problem is collected with its file, row, column and value, and any problem rejects the file.
/// A unit code is read against the units in force at the end of the row's period, since codes were
/// reused after 1/7/2025.
/// </summary>
internal sealed class CoverageFeedReader(IUnitDirectory units, IndicatorCatalog catalog, UnitScope scope)
{
    public const string TargetsFeed = "targets";
    public const string ActualsFeed = "coverage-actuals";

    /// <summary>Enough to fix a file in one go without burying the user.</summary>
    private const int MaxProblems = 500;

    public async Task<IReadOnlyList<CoverageRow>> ReadAsync(string path, string feed, CancellationToken cancellationToken)
    {
        var isTargets = feed == TargetsFeed;
        var periodColumn = isTargets ? "year" : "period";
        using var reader = TabularReader.Open(path);
        reader.RequireColumns(periodColumn, "unit_code", "indicator", "value");

        var resolver = await units.CodeResolverAsync(cancellationToken);
        var rows = new List<CoverageRow>();
        var problems = new List<TabularProblem>();
        var seen = new Dictionary<(Guid, string, int, int), int>();
        while (reader.Read() && problems.Count < MaxProblems)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (reader.RowProblem is { } shape)
            {
                problems.Add(shape);
                continue;
            }

            var ok = true;
            int year = 0, month = 0;
            if (isTargets ? !TabularValues.TryYear(reader[periodColumn], out year) : !TryPeriod(reader[periodColumn], out year, out month))
            {
                problems.Add(reader.Problem(periodColumn, isTargets
                    ? "Năm không hợp lệ (yyyy) / Not a valid year (yyyy)"
                    : "Kỳ không hợp lệ (yyyy-MM hoặc yyyy) / Not a valid period (yyyy-MM or yyyy)"));
                ok = false;
            }

            var indicator = catalog.Find(reader["indicator"] ?? "");
            if (indicator is null)
            {
                problems.Add(reader.Problem("indicator", "Mã chỉ tiêu không có trong danh mục / Unknown indicator code"));
                ok = false;
            }
            else if (!isTargets && !indicator.IsStored)
            {
                problems.Add(reader.Problem("indicator",
                    "Tỷ lệ được tính từ các số đếm, không nhận số nhập sẵn / A rate is calculated from counts; it cannot be sent as a value"));
                ok = false;
            }

            if (!TabularValues.TryCount(reader["value"], out var value))
            {
                problems.Add(reader.Problem("value", "Giá trị phải là số không âm / The value must be a non-negative number"));
                ok = false;
            }
            else if (indicator is { IsPercent: true } && value > 100m && indicator.Kind != IndicatorKind.Growth)
            {
                problems.Add(reader.Problem("value", "Tỷ lệ tính theo phần trăm, không quá 100 / A rate is in percent, at most 100"));
                ok = false;
            }

            UnitRef? unit = null;
            if (ok)
            {
                var on = month == 0 ? new DateOnly(year, 12, 31) : new DateOnly(year, month, 1).AddMonths(1).AddDays(-1);
                unit = resolver.Find(reader["unit_code"] ?? "", on);
                if (unit is null)
                {
                    problems.Add(reader.Problem("unit_code",
                        $"Không có đơn vị mang mã này vào ngày {on:dd/MM/yyyy} / No unit has this code on {on:yyyy-MM-dd}"));
                    ok = false;
                }
                else if (!scope.Contains(unit.Id))
                {
                    problems.Add(reader.Problem("unit_code", "Đơn vị này ngoài phạm vi của bạn / This unit is outside your scope"));
                    ok = false;
                }
            }

            if (!ok)
            {
                continue;
            }

            var key = (unit!.Id, indicator!.Code, year, month);
            if (seen.TryGetValue(key, out var firstRow))
            {
                problems.Add(reader.Problem("unit_code", $"Trùng với dòng {firstRow} (cùng đơn vị, chỉ tiêu, kỳ) / Same unit, indicator and period as row {firstRow}"));
                continue;
            }

            seen[key] = reader.Row;
            rows.Add(new CoverageRow(reader.Row, unit.Id, indicator.Code, year, month, value));
        }

        if (problems.Count > 0)
        {
            throw new TabularFileException(problems);
        }

        return rows;
    }

    private static bool TryPeriod(string? text, out int year, out int month)
    {
        month = 0;
        return TabularValues.TryPeriod(text, out year, out month) || TabularValues.TryYear(text, out year);
    }
}
