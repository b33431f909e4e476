using BaoPhu.Feeds.Contracts;

namespace BaoPhu.Registry.Feeds;

/// <summary>A commune's population and labour force for a year, from the statistics office.</summary>
internal sealed class LabourStatistics : IFeedRow
{
    public Guid BatchId { get; set; }

    public int SourceRow { get; set; }

    public int Year { get; set; }

    public Guid CommuneId { get; set; }

    public int Population { get; set; }

    public int WorkingAgeLabourForce { get; set; }

    public int WorkingAbroad { get; set; }

    public int WorkingOutOfProvince { get; set; }

    public int InMilitaryService { get; set; }

    public int PastRetirementAge { get; set; }
}

internal sealed class LabourStatisticsFeed : FeedDefinition<LabourStatistics>
{
    public override string Name => "labour-statistics";

    public override string VietnameseTitle => "Dân số và lực lượng lao động";

    public override string EnglishTitle => "Population and labour force";

    public override FeedPeriodKind PeriodKind => FeedPeriodKind.Year;

    public override IReadOnlyList<FeedColumn> Columns { get; } =
    [
        Feeds.Columns.Year,
        Feeds.Columns.CommuneCode,
        new("population", true, "dân số"),
        new("working_age_labour_force", true, "lực lượng lao động trong độ tuổi", "lao động trong độ tuổi"),
        new("working_abroad", true, "đi làm việc ở nước ngoài", "lao động ở nước ngoài"),
        new("working_out_of_province", true, "làm việc ngoài tỉnh", "lao động ngoài tỉnh"),
        new("in_military_service", true, "thực hiện nghĩa vụ quân sự", "nghĩa vụ quân sự"),
        new("past_retirement_age", true, "quá tuổi nghỉ hưu", "trên tuổi nghỉ hưu"),
    ];

    public override IReadOnlyList<string> Key { get; } = ["year", "commune_code"];

    public override LabourStatistics Read(FeedRow row)
    {
        var year = row.Year();
        var statistics = new LabourStatistics
        {
            Year = year,
            CommuneId = row.Commune("commune_code") ?? Guid.Empty,
            Population = row.Count("population"),
            WorkingAgeLabourForce = row.Count("working_age_labour_force"),
            WorkingAbroad = row.Count("working_abroad"),
            WorkingOutOfProvince = row.Count("working_out_of_province"),
            InMilitaryService = row.Count("in_military_service"),
            PastRetirementAge = row.Count("past_retirement_age"),
        };
        if (statistics.WorkingAgeLabourForce > statistics.Population)
        {
            row.Problem("working_age_labour_force", "Lực lượng lao động lớn hơn dân số / The labour force exceeds the population");
        }

        return statistics;
    }
}
