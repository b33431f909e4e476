using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BaoPhu.Bench;

/// <summary>
/// A synthetic province the size of a large real one before 1/7/2025: 30 districts of 99 communes
/// (3,001 units), with five years of targets for every unit and monthly actuals for every commune,
/// written as the files an operator imports. Values are drawn from a fixed seed, so every run and
/// both providers read the same numbers.
/// </summary>
internal sealed class DashboardData
{
    public const string ProvinceCode = "97";
    public const string DistrictCode = "901";
    public const string CommuneCode = "90001";
    public const int Districts = 30;
    public const int CommunesPerDistrict = 99;
    public const int FirstYear = 2021;
    public const int LastYear = 2025;

    /// <summary>Before the first year, so every period's code resolves to these units.</summary>
    public static readonly DateOnly UnitsFrom = new(2020, 1, 1);

    /// <summary>The dashboard is read for the last year, on its last day.</summary>
    public static readonly DateOnly ShownOn = new(LastYear, 12, 31);

    /// <summary>The count indicators that are sent (indicators.json, kind count, neither an adjustment nor derived).</summary>
    public static readonly IReadOnlyList<string> Indicators =
    [
        "si.compulsory.required", "si.compulsory.participants", "si.voluntary.eligible", "si.voluntary.participants",
        "ui.required", "ui.participants", "hi.population", "hi.participants", "labour_force.working_age",
        "pension.past_retirement_age", "pension.recipients", "employers.liable", "employers.registered",
    ];

    /// <summary>Per person of population, the base level of each count; participants reach part of those required.</summary>
    private static readonly double[] Shares = [0.14, 0.12, 0.42, 0.07, 0.13, 0.11, 1.0, 0.93, 0.58, 0.12, 0.09, 0.004, 0.003];

    private DashboardData(string folder) => Folder = folder;

    public string Folder { get; }

    public string UnitList => Path.Combine(Folder, "units.json");

    public string Targets => Path.Combine(Folder, "targets.csv");

    public string Actuals(int year) => Path.Combine(Folder, $"actuals-{year}.csv");

    public static int Communes => Districts * CommunesPerDistrict;

    public static int Units => 1 + Districts + Communes;

    public static DashboardData Write(string folder)
    {
        Directory.CreateDirectory(folder);
        var data = new DashboardData(folder);
        var random = new Random(2025);
        var population = Enumerable.Range(0, Communes).Select(_ => 4_000 + random.Next(16_000)).ToArray();
        data.WriteUnitList();
        data.WriteTargets(population);
        for (var year = FirstYear; year <= LastYear; year++)
        {
            data.WriteActuals(year, population, random);
        }

        return data;
    }

    private static string District(int d) => (900 + d + 1).ToString("D3", CultureInfo.InvariantCulture);

    private static string Commune(int c) => (90_001 + c).ToString("D5", CultureInfo.InvariantCulture);

    private void WriteUnitList()
    {
        var list = new
        {
            data = new[]
            {
                new
                {
                    level1_id = ProvinceCode,
                    name = "Tỉnh Đo Hiệu Năng",
                    type = "Tỉnh",
                    level2s = Enumerable.Range(0, Districts).Select(d => new
                    {
                        level2_id = District(d),
                        name = $"Huyện Đo Số {d + 1:D2}",
                        type = "Huyện",
                        level3s = Enumerable.Range(d * CommunesPerDistrict, CommunesPerDistrict).Select(c => new
                        {
                            level3_id = Commune(c),
                            name = $"Xã Đo Số {c + 1:D4}",
                            type = "Xã",
                        }),
                    }),
                },
            },
        };
        using var stream = File.Create(UnitList);
        JsonSerializer.Serialize(stream, list);
    }

    /// <summary>Every unit has its own targets, as a plan assigns them down the hierarchy: a little above the last actual.</summary>
    private void WriteTargets(int[] population)
    {
        using var writer = new StreamWriter(Targets, false, new UTF8Encoding(false));
        writer.WriteLine("year,unit_code,indicator,value");
        for (var year = FirstYear; year <= LastYear; year++)
        {
            var growth = 1.0 + (0.03 * (year - FirstYear + 1));
            var districtTotals = new double[Districts];
            for (var c = 0; c < Communes; c++)
            {
                districtTotals[c / CommunesPerDistrict] += population[c];
                WriteTargetRows(writer, year, Commune(c), population[c] * growth);
            }

            for (var d = 0; d < Districts; d++)
            {
                WriteTargetRows(writer, year, District(d), districtTotals[d] * growth);
            }

            WriteTargetRows(writer, year, ProvinceCode, districtTotals.Sum() * growth);
        }
    }

    private static void WriteTargetRows(StreamWriter writer, int year, string code, double population)
    {
        for (var i = 0; i < Indicators.Count; i++)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{year},{code},{Indicators[i]},{Math.Round(population * Shares[i])}"));
        }
    }

    /// <summary>One file per year, as the feed sends them; values grow month by month with some noise.</summary>
    private void WriteActuals(int year, int[] population, Random random)
    {
        using var writer = new StreamWriter(Actuals(year), false, new UTF8Encoding(false));
        writer.WriteLine("period,unit_code,indicator,value");
        for (var month = 1; month <= 12; month++)
        {
            var level = 1.0 + (0.025 * ((year - FirstYear) + (month / 12.0)));
            for (var c = 0; c < Communes; c++)
            {
                var code = Commune(c);
                for (var i = 0; i < Indicators.Count; i++)
                {
                    var value = Math.Round(population[c] * Shares[i] * level * (0.97 + (0.03 * random.NextDouble())));
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{year}-{month:D2},{code},{Indicators[i]},{value}"));
                }
            }
        }
    }
}
