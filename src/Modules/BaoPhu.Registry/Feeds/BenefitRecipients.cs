using BaoPhu.Feeds.Contracts;

namespace BaoPhu.Registry.Feeds;

/// <summary>A person receiving a pension, a monthly SI benefit or the social pension in a month.</summary>
internal sealed class BenefitRecipient : IFeedRow
{
    public Guid BatchId { get; set; }

    public int SourceRow { get; set; }

    public string Period { get; set; } = "";

    public string PersonId { get; set; } = "";

    public Guid ResidenceCommuneId { get; set; }

    public Benefit Benefit { get; set; }
}

internal sealed class BenefitRecipientsFeed : FeedDefinition<BenefitRecipient>
{
    public override string Name => "benefit-recipients";

    public override string VietnameseTitle => "Người hưởng lương hưu, trợ cấp";

    public override string EnglishTitle => "Pension and benefit recipients";

    public override FeedPeriodKind PeriodKind => FeedPeriodKind.Month;

    public override IReadOnlyList<FeedColumn> Columns { get; } =
    [
        Feeds.Columns.Period,
        Feeds.Columns.PersonId,
        Feeds.Columns.ResidenceCommuneCode,
        new("benefit", true, "chế độ", "loại trợ cấp", "chế độ hưởng"),
    ];

    public override IReadOnlyList<string> Key { get; } = ["period", "person_id"];

    public override BenefitRecipient Read(FeedRow row) => new()
    {
        Period = row.Period(),
        PersonId = row.PersonId("person_id", null, null) ?? "",
        ResidenceCommuneId = row.Commune("residence_commune_code") ?? Guid.Empty,
        Benefit = row.Choice("benefit", Codes.Benefits),
    };
}
