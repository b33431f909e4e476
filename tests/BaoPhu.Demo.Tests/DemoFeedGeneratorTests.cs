using System.Globalization;
using BaoPhu.Demo.Generation;
using BaoPhu.Demo.Generation.Feeds;
using BaoPhu.Platform.Identifiers;
using BaoPhu.Platform.Tabular;
using BaoPhu.Platform.Text;
using BaoPhu.Testing;

namespace BaoPhu.Demo.Tests;

/// <summary>
/// <c>demo generate</c>'s files read back as an importer and a matcher would: canonical shape, valid
/// codes for the row's period, exactly the announced malformed rows, and a truth that both the
/// generator's plan and a recount from the files agree with.
/// </summary>
public sealed class DemoFeedGeneratorTests(DemoFeedFixture data) : IClassFixture<DemoFeedFixture>
{
    private static readonly Dictionary<string, string> Headers = new(StringComparer.Ordinal)
    {
        ["business-registry"] = "tax_code,name,kind,vsic,commune_code,founded_on,status,status_on",
        ["si-employers"] = "employer_tax_code,si_unit_code,name,commune_code,registered_on,status",
        ["si-participants"] = "period,si_number,person_id,full_name,birth_date,gender,residence_commune_code,scheme,employer_tax_code,insured_wage,has_ui",
        ["si-contributions"] = "period,employer_tax_code,amount_due,amount_paid",
        ["tax-employees"] = "period,employer_tax_code,person_id,full_name,birth_date,gross_income",
        ["benefit-recipients"] = "period,person_id,residence_commune_code,benefit",
        ["tax-payroll"] = "year,employer_tax_code,employee_count,payroll_total",
        ["labour-statistics"] = "year,commune_code,population,working_age_labour_force,working_abroad,working_out_of_province,in_military_service,past_retirement_age",
    };

    private static readonly string[] Kinds =
    [
        "unregistered_employer", "headcount_gap", "uninsured_worker", "payroll_gap", "wage_below_floor",
        "late_payment", "evasion", "closed_with_arrears",
    ];

    private static readonly string[] Statuses = ["active", "suspended", "dissolved", "absconded"];

    [Fact]
    public void Generate_WhenRunAgainWithSameOptions_WritesIdenticalBytes()
    {
        using var again = new TempFolder();
        DemoFeedGenerator.Generate(DemoFeedFixture.Options, again.Path);

        var names = FileNames(data.Directory);
        Assert.Equal(names, FileNames(again.Path));
        Assert.All(names, name => Assert.True(
            File.ReadAllBytes(Path.Combine(data.Directory, name)).SequenceEqual(File.ReadAllBytes(Path.Combine(again.Path, name))),
            name));
    }

    [Fact]
    public void Generate_WhenSeedsDiffer_WritesDifferentFeeds()
    {
        using var other = new TempFolder();
        DemoFeedGenerator.Generate(DemoFeedFixture.Options with { Seed = 7 }, other.Path);

        foreach (var name in new[] { "business-registry.csv", "si-participants-2025-03.csv", "tax-employees-2025-10.csv", DemoFeedSummary.TruthFileName })
        {
            Assert.NotEqual(File.ReadAllText(Path.Combine(data.Directory, name)), File.ReadAllText(Path.Combine(other.Path, name)));
        }
    }

    [Fact]
    public void Generate_WithTwelveMonths_ListsSnapshotsThenMonthsThenYearInImportOrder()
    {
        var expected = new List<(string Feed, string? Period)> { ("business-registry", null), ("si-employers", null) };
        for (var month = 1; month <= 12; month++)
        {
            var period = $"2025-{month:D2}";
            expected.AddRange([("si-participants", period), ("si-contributions", period), ("tax-employees", period), ("benefit-recipients", period)]);
        }

        expected.AddRange([("tax-payroll", "2025"), ("labour-statistics", "2025")]);

        Assert.Equal(expected, data.Manifest.Select(entry => (entry.Feed, entry.Period)));
        Assert.All(data.Manifest, entry => Assert.Equal(entry.Period is null ? $"{entry.Feed}.csv" : $"{entry.Feed}-{entry.Period}.csv", entry.File));
        Assert.Equal(
            new[]
            {
                DemoFeedSummary.ManifestFileName, DemoFeedSummary.TruthFileName,
                DemoUnitFiles.UnitListFileName, DemoUnitFiles.MergesFileName, DemoUnitFiles.ProvincesFileName,
            }.Concat(data.Manifest.Select(entry => entry.File)).Order(StringComparer.Ordinal),
            FileNames(data.Directory));
    }

    [Fact]
    public void Generate_AcrossTheTurnOfTheYear_PutsEachYearsFilesAfterItsLastMonth()
    {
        using var folder = new TempFolder();
        var summary = DemoFeedGenerator.Generate(new DemoFeedOptions(Workers: 300, Months: 3, FirstPeriod: new DateOnly(2025, 11, 1)), folder.Path);

        Assert.Equal(
            [
                "business-registry.csv", "si-employers.csv",
                "si-participants-2025-11.csv", "si-contributions-2025-11.csv", "tax-employees-2025-11.csv", "benefit-recipients-2025-11.csv",
                "si-participants-2025-12.csv", "si-contributions-2025-12.csv", "tax-employees-2025-12.csv", "benefit-recipients-2025-12.csv",
                "tax-payroll-2025.csv", "labour-statistics-2025.csv",
                "si-participants-2026-01.csv", "si-contributions-2026-01.csv", "tax-employees-2026-01.csv", "benefit-recipients-2026-01.csv",
                "tax-payroll-2026.csv", "labour-statistics-2026.csv",
            ],
            summary.Files.Select(file => file.File));
    }

    [Fact]
    public void Generate_EveryFile_HasCanonicalHeaderAndExactlyTheAnnouncedMalformedRows()
    {
        foreach (var entry in data.Manifest)
        {
            var bytes = File.ReadAllBytes(Path.Combine(data.Directory, entry.File));
            Assert.False(bytes.AsSpan().StartsWith("\uFEFF"u8), entry.File);
            Assert.StartsWith(Headers[entry.Feed] + "\n", System.Text.Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);

            var rows = data.Rows(entry.File);
            var keys = new HashSet<string>(StringComparer.Ordinal);
            var refused = rows.Select(row => Refusal(entry, row, keys)).Where(reason => reason is not null).ToList();

            Assert.Equal(entry.Rows, rows.Count);
            Assert.True(entry.Malformed == refused.Count, $"{entry.File}: announced {entry.Malformed}, found {string.Join("; ", refused)}");
            if (entry.Feed is "si-participants" or "tax-employees" or "benefit-recipients" && entry.Rows >= 100)
            {
                Assert.InRange(entry.Malformed, 1, 1 + (entry.Rows / 1_000));
            }
        }
    }

    [Fact]
    public void Generate_TaxEmployees_CarryAnOldIdCardOrNoIdInAboutOneRowInTwoHundred()
    {
        var ids = data.Files("tax-employees").SelectMany(entry => data.Rows(entry.File)).Select(row => row["person_id"]).ToList();
        var odd = ids.Count(id => id.Length != 12);

        Assert.InRange(odd, ids.Count / 1_000, ids.Count / 70);
        Assert.Contains(ids, id => id.Length == 0);
        Assert.Contains(ids, id => id.Length == 9);
    }

    [Fact]
    public void Generate_PeopleInJuneAndJuly_MoveFromTheirOldCommuneToOneThatTookIt()
    {
        var june = data.Rows("si-participants-2025-06.csv").Where(row => row["gender"] is "M" or "F")
            .GroupBy(row => row["person_id"]).ToDictionary(group => group.Key, group => group.First()["residence_commune_code"]);
        var moved = 0;
        foreach (var row in data.Rows("si-participants-2025-07.csv"))
        {
            if (june.TryGetValue(row["person_id"], out var old) && data.Units.Old.Contains(old) && data.Units.New.Contains(row["residence_commune_code"]))
            {
                Assert.Contains(row["residence_commune_code"], data.Units.SuccessorsOf[old]);
                moved++;
            }
        }

        Assert.True(moved > 1_000, $"{moved} people followed across the reform");
    }

    [Fact]
    public void Generate_People_HaveVietnameseNamesByRealFrequencyAndWorkingAgeBirthDates()
    {
        var people = data.Rows("si-participants-2025-01.csv")
            .Concat(data.Rows("tax-employees-2025-01.csv"))
            .Where(row => row["person_id"].Length == 12 && TabularValues.TryDate(row["birth_date"], out _))
            .DistinctBy(row => row["person_id"])
            .ToList();
        var nguyen = people.Count(row => row["full_name"].StartsWith("Nguyễn ", StringComparison.Ordinal));

        Assert.InRange(100.0 * nguyen / people.Count, 32, 44);
        Assert.All(people, row => Assert.Equal(3, row["full_name"].Split(' ').Length));
        Assert.All(people, row => Assert.InRange(int.Parse(row["birth_date"][..4], CultureInfo.InvariantCulture), 1965, 2007));
        Assert.Contains(people, row => row["full_name"].Contains(" Thị ", StringComparison.Ordinal));
        Assert.Contains(people, row => row["full_name"].Contains(" Văn ", StringComparison.Ordinal));
    }

    [Fact]
    public void Generate_Truth_HasEveryKindAndOnlyWhatTheGeneratorPlanted()
    {
        var lines = File.ReadAllLines(Path.Combine(data.Directory, DemoFeedSummary.TruthFileName));
        Assert.Equal("kind,employer_tax_code,person_id,period", lines[0]);
        var rows = lines.Skip(1).Select(line => line.Split(',')).ToList();

        Assert.Equal(lines.Skip(1).Order(StringComparer.Ordinal), lines.Skip(1));
        Assert.Equal(rows.Count, lines.Skip(1).Distinct(StringComparer.Ordinal).Count());
        Assert.All(Kinds, kind => Assert.True(rows.Any(row => row[0] == kind), kind));
        Assert.All(rows, row => Assert.True(data.Summary.Cases.Explains(row[0], row[1], row[2]), string.Join(',', row)));
        Assert.Equal(0, data.Summary.Unplanted);
        Assert.Equal(Kinds.ToDictionary(kind => kind, kind => rows.Count(row => row[0] == kind)), data.Summary.Planted);
    }

    [Fact]
    public void Generate_Truth_IsWhatARecountOfAugustFromTheFilesFinds()
    {
        const string period = "2025-08";
        var participants = AcceptedParticipants($"si-participants-{period}.csv");
        var compulsory = participants.Where(row => row["scheme"] == "compulsory").ToList();
        var taxed = AcceptedTaxRows($"tax-employees-{period}.csv").Where(row => TabularValues.TryMoney(row["gross_income"], out var gross) && gross > 0).ToList();
        var withId = taxed.Where(HasId).ToList();
        var withoutId = taxed.Where(row => !HasId(row)).ToList();

        // A row with an old ID card or none is insured when anyone of its folded name and birth date
        // is, and names the one person the year's lists know by them, or else the name and birth date.
        var known = data.Files("si-participants").SelectMany(file => AcceptedParticipants(file.File))
            .Concat(data.Files("tax-employees").SelectMany(file => AcceptedTaxRows(file.File)).Where(HasId))
            .GroupBy(MatchKey, StringComparer.Ordinal)
            .ToDictionary(people => people.Key, people => people.Select(row => row["person_id"]).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        string Named(Dictionary<string, string> row) => known.TryGetValue(MatchKey(row), out var ids) && ids.Count == 1 ? ids.Single() : MatchKey(row);
        HashSet<(string, string)> Found(List<Dictionary<string, string>> insuredRows)
        {
            var ids = insuredRows.Select(row => row["person_id"]).ToHashSet(StringComparer.Ordinal);
            var names = insuredRows.Select(MatchKey).ToHashSet(StringComparer.Ordinal);
            return
            [
                .. withId.Where(row => !ids.Contains(row["person_id"])).Select(row => (row["employer_tax_code"], row["person_id"])),
                .. withoutId.Where(row => !names.Contains(MatchKey(row))).Select(row => (row["employer_tax_code"], Named(row))),
            ];
        }

        var gaps = Found(compulsory);
        var uninsured = Found(participants);
        var truth = File.ReadAllLines(Path.Combine(data.Directory, DemoFeedSummary.TruthFileName)).Skip(1)
            .Select(line => line.Split(','))
            .Where(row => row[3] == period)
            .ToList();

        Assert.NotEmpty(gaps);
        Assert.NotEmpty(withoutId);
        Assert.Equal(gaps, truth.Where(row => row[0] == "headcount_gap").Select(row => (row[1], row[2])).ToHashSet());
        Assert.Equal(uninsured, truth.Where(row => row[0] == "uninsured_worker").Select(row => (row[1], row[2])).ToHashSet());
        Assert.True(uninsured.Count < gaps.Count, "workers on voluntary SI are gaps but insured");
    }

    [Fact]
    public void Generate_Truth_ArrearsAndUnregisteredEmployersAreWhatARecountFromTheFilesFinds()
    {
        var lastDay = new DateOnly(2025, 12, 31);
        var late = new HashSet<(string, string)>();
        var evasion = new HashSet<(string, string)>();
        var unregistered = new HashSet<(string, string)>();
        var registry = data.Rows("business-registry.csv").ToDictionary(row => row["tax_code"]);
        var registered = data.Rows("si-employers.csv").ToDictionary(row => row["employer_tax_code"], row => Date(row["registered_on"])!.Value);
        foreach (var month in Enumerable.Range(1, 12))
        {
            var period = $"2025-{month:D2}";
            var monthEnd = new DateOnly(2025, month, DateTime.DaysInMonth(2025, month));
            var deadline = monthEnd.AddDays(1).AddMonths(1).AddDays(-1);
            foreach (var row in data.Rows($"si-contributions-{period}.csv"))
            {
                if (long.Parse(row["amount_paid"], CultureInfo.InvariantCulture) < long.Parse(row["amount_due"], CultureInfo.InvariantCulture) && deadline < lastDay)
                {
                    (lastDay.DayNumber - deadline.DayNumber <= 60 ? late : evasion).Add((row["employer_tax_code"], period));
                }
            }

            foreach (var code in data.Rows($"tax-employees-{period}.csv").Select(row => row["employer_tax_code"]).Where(code => registry.ContainsKey(code)).Distinct())
            {
                var business = registry[code];
                if (business["kind"] is "enterprise" or "cooperative"
                    && (business["status"] == "active" || Date(business["status_on"]) > monthEnd)
                    && Date(business["founded_on"]) <= monthEnd.AddDays(-30)
                    && !(registered.TryGetValue(code, out var on) && on <= monthEnd))
                {
                    unregistered.Add((code, period));
                }
            }
        }

        var truth = File.ReadAllLines(Path.Combine(data.Directory, DemoFeedSummary.TruthFileName)).Skip(1).Select(line => line.Split(',')).ToList();
        HashSet<(string, string)> Listed(string kind) => [.. truth.Where(row => row[0] == kind).Select(row => (row[1], row[3]))];

        Assert.Equal(late, Listed("late_payment"));
        Assert.Equal(evasion, Listed("evasion"));
        Assert.Equal(unregistered, Listed("unregistered_employer"));
        var closed = registry.Values
            .Where(row => row["status"] != "active" && Date(row["status_on"]) <= lastDay)
            .Select(row => row["tax_code"])
            .Where(code => late.Concat(evasion).Any(arrear => arrear.Item1 == code))
            .ToHashSet();
        Assert.Equal(closed, Listed("closed_with_arrears").Select(row => row.Item1).ToHashSet());
    }

    [Fact]
    public void Generate_LabourStatistics_CoverEveryNewCommuneAndAtLeastItsPensioners()
    {
        var statistics = data.Rows("labour-statistics-2025.csv");
        var pensioners = data.Rows("benefit-recipients-2025-12.csv")
            .Where(row => data.Units.New.Contains(row["residence_commune_code"]))
            .GroupBy(row => row["residence_commune_code"])
            .ToDictionary(group => group.Key, group => group.Select(row => row["person_id"]).Distinct().Count());

        Assert.Equal(data.Units.New.Order(StringComparer.Ordinal), statistics.Select(row => row["commune_code"]).Order(StringComparer.Ordinal));
        Assert.All(statistics, row =>
        {
            var labour = long.Parse(row["working_age_labour_force"], CultureInfo.InvariantCulture);
            Assert.True(long.Parse(row["population"], CultureInfo.InvariantCulture) > labour, string.Join(',', row.Values));
            Assert.True(
                long.Parse(row["past_retirement_age"], CultureInfo.InvariantCulture) >= pensioners.GetValueOrDefault(row["commune_code"]),
                string.Join(',', row.Values));
            Assert.True(
                long.Parse(row["working_abroad"], CultureInfo.InvariantCulture) + long.Parse(row["working_out_of_province"], CultureInfo.InvariantCulture)
                + long.Parse(row["in_military_service"], CultureInfo.InvariantCulture) < labour || labour == 0,
                string.Join(',', row.Values));
        });
    }

    [Theory]
    [InlineData("9", 2_000, 12)]
    [InlineData("99", 10, 12)]
    [InlineData("99", 2_000, 0)]
    public void Generate_WithInvalidOptions_RefusesWithoutWriting(string province, int workers, int months)
    {
        using var folder = new TempFolder();

        Assert.ThrowsAny<ArgumentException>(() => DemoFeedGenerator.Generate(new DemoFeedOptions(province, workers, months), folder.Path));
        Assert.Empty(Directory.EnumerateFiles(folder.Path));
    }

    [Fact]
    public void Generate_ForAnotherProvinceCode_MakesADemoProvinceWithThatCode()
    {
        using var folder = new TempFolder();
        var summary = DemoFeedGenerator.Generate(new DemoFeedOptions("42", Workers: 300, Months: 2, FirstPeriod: new DateOnly(2025, 6, 1)), folder.Path);

        Assert.Contains("(DEMO)", File.ReadAllText(Path.Combine(folder.Path, DemoUnitFiles.UnitListFileName)), StringComparison.Ordinal);
        Assert.All(File.ReadAllLines(Path.Combine(folder.Path, "business-registry.csv")).Skip(1), line => Assert.StartsWith("42", line.Split(',')[4], StringComparison.Ordinal));
        Assert.Equal(["si-participants-2025-06.csv", "si-participants-2025-07.csv"], summary.Files.Where(file => file.Feed == "si-participants").Select(file => file.File));
    }

    private static List<string> FileNames(string directory) =>
        [.. Directory.EnumerateFiles(directory).Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    private static DateOnly? Date(string text) => TabularValues.TryDate(text, out var date) ? date : null;

    /// <summary>The rows an importer keeps: valid, and the first of each key.</summary>
    private List<Dictionary<string, string>> AcceptedParticipants(string file) =>
        Accepted(data.Rows(file), row =>
            NationalId.Problem(row["person_id"], Date(row["birth_date"]), row["gender"] == "F" ? Sex.Female : Sex.Male) is null
            && (data.Units.Old.Contains(row["residence_commune_code"]) || data.Units.New.Contains(row["residence_commune_code"]))
            && TabularValues.TryMoney(row["insured_wage"], out _)
            && (row["scheme"] == "voluntary" || TaxCode.IsValid(row["employer_tax_code"])));

    private List<Dictionary<string, string>> AcceptedTaxRows(string file) =>
        Accepted(data.Rows(file), row =>
            TaxCode.IsValid(row["employer_tax_code"]) && TabularValues.TryDate(row["birth_date"], out _) && TabularValues.TryMoney(row["gross_income"], out _));

    private static bool HasId(Dictionary<string, string> row) => row["person_id"].Length == 12;

    /// <summary>What a row without a usable ID is matched on, as the finding names it.</summary>
    private static string MatchKey(Dictionary<string, string> row) => VietnameseText.Fold(row["full_name"]) + "|" + row["birth_date"];

    private static List<Dictionary<string, string>> Accepted(List<Dictionary<string, string>> rows, Func<Dictionary<string, string>, bool> valid)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        return [.. rows.Where(valid).Where(row => keys.Add(string.Join('|', row.Values)))];
    }

    /// <summary>Why an importer must refuse the row, or null: an independent reading of FEEDS.md's rules.</summary>
    private string? Refusal(ManifestEntry file, Dictionary<string, string> row, HashSet<string> keys)
    {
        var newCommunes = data.Units.New;
        string? Check(bool ok, string why) => ok ? null : why;
        string? Money(params string[] columns) => Check(columns.All(column => TabularValues.TryMoney(row[column], out _)), "amount");
        string? Key(params string[] columns) => Check(keys.Add(string.Join('|', columns.Select(column => row[column]))), "duplicate key");

        switch (file.Feed)
        {
            case "business-registry":
                return Check(TaxCode.IsValid(row["tax_code"]), "tax code")
                    ?? Check(row["kind"] is "enterprise" or "cooperative" or "household" or "public", "kind")
                    ?? Check(row["vsic"].Length == 4 && row["vsic"].All(char.IsAsciiDigit), "vsic")
                    ?? Check(newCommunes.Contains(row["commune_code"]), "commune")
                    ?? Check(Date(row["founded_on"]) is not null, "founded")
                    ?? Check(Statuses.Contains(row["status"]) && (row["status"] == "active") == (row["status_on"].Length == 0), "status")
                    ?? Check(row["status_on"].Length == 0 || Date(row["status_on"]) <= new DateOnly(2025, 12, 31), "status date")
                    ?? Key("tax_code");
            case "si-employers":
                return Check(TaxCode.IsValid(row["employer_tax_code"]), "tax code")
                    ?? Check(row["si_unit_code"].Length == 7, "unit code")
                    ?? Check(newCommunes.Contains(row["commune_code"]), "commune")
                    ?? Check(Date(row["registered_on"]) is not null, "registered")
                    ?? Check(Statuses.Contains(row["status"]), "status")
                    ?? Key("employer_tax_code");
            case "si-participants":
                var birth = Date(row["birth_date"]);
                return Check(row["period"] == file.Period, "period")
                    ?? Check(row["si_number"].Length == 10 && row["si_number"].All(char.IsAsciiDigit), "si number")
                    ?? Check(birth is not null, "birth date")
                    ?? Check(row["gender"] is "M" or "F", "gender")
                    ?? Check(NationalId.Problem(row["person_id"], birth, row["gender"] == "F" ? Sex.Female : Sex.Male) is null, "national id")
                    ?? Check(data.Units.InForce(file.Period!).Contains(row["residence_commune_code"]), "commune")
                    ?? Check(row["scheme"] == "compulsory" ? TaxCode.IsValid(row["employer_tax_code"]) : row["scheme"] == "voluntary" && row["employer_tax_code"].Length == 0, "employer")
                    ?? Money("insured_wage")
                    ?? Check(row["has_ui"] is "0" or "1", "has_ui")
                    ?? Key("period", "person_id");
            case "si-contributions":
                return Check(row["period"] == file.Period, "period")
                    ?? Check(TaxCode.IsValid(row["employer_tax_code"]), "tax code")
                    ?? Money("amount_due", "amount_paid")
                    ?? Key("period", "employer_tax_code");
            case "tax-employees":
                var id = row["person_id"];
                return Check(row["period"] == file.Period, "period")
                    ?? Check(TaxCode.IsValid(row["employer_tax_code"]), "tax code")
                    ?? Check(Date(row["birth_date"]) is { } born && (id.Length != 12 || NationalId.Problem(id, born, null) is null), "birth date or id")
                    ?? Check(id.Length is 0 or 9 or 12, "id")
                    ?? Money("gross_income")
                    ?? (id.Length == 12 ? Key("period", "employer_tax_code", "person_id") : null);
            case "benefit-recipients":
                return Check(row["period"] == file.Period, "period")
                    ?? Check(NationalId.Problem(row["person_id"], null, null) is null, "national id")
                    ?? Check(data.Units.InForce(file.Period!).Contains(row["residence_commune_code"]), "commune")
                    ?? Check(row["benefit"] is "pension" or "monthly_si" or "social_pension", "benefit")
                    ?? Key("period", "person_id");
            case "tax-payroll":
                return Check(row["year"] == file.Period, "year")
                    ?? Check(TaxCode.IsValid(row["employer_tax_code"]), "tax code")
                    ?? Money("employee_count", "payroll_total")
                    ?? Key("year", "employer_tax_code");
            default:
                return Check(row["year"] == file.Period, "year")
                    ?? Check(newCommunes.Contains(row["commune_code"]), "commune")
                    ?? Money("population", "working_age_labour_force", "working_abroad", "working_out_of_province", "in_military_service", "past_retirement_age")
                    ?? Key("year", "commune_code");
        }
    }
}
