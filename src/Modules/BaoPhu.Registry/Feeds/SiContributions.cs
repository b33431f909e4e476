using BaoPhu.Feeds.Contracts;

namespace BaoPhu.Registry.Feeds;

/// <summary>What an employer owed and paid BHXH for a month.</summary>
internal sealed class SiContribution : IFeedRow
{
    public Guid BatchId { get; set; }

    public int SourceRow { get; set; }

    public string Period { get; set; } = "";

    public string EmployerTaxCode { get; set; } = "";

    public long AmountDue { get; set; }

    public long AmountPaid { get; set; }
}

internal sealed class SiContributionsFeed : FeedDefinition<SiContribution>
{
    public override string Name => "si-contributions";

    public override string VietnameseTitle => "Số phải đóng và đã đóng BHXH";

    public override string EnglishTitle => "SI contributions due and paid";

    public override FeedPeriodKind PeriodKind => FeedPeriodKind.Month;

    public override IReadOnlyList<FeedColumn> Columns { get; } =
    [
        Feeds.Columns.Period,
        Feeds.Columns.EmployerTaxCode,
        new("amount_due", true, "số phải đóng", "phải đóng"),
        new("amount_paid", true, "số đã đóng", "đã đóng"),
    ];

    public override IReadOnlyList<string> Key { get; } = ["period", "employer_tax_code"];

    public override SiContribution Read(FeedRow row) => new()
    {
        Period = row.Period(),
        EmployerTaxCode = row.TaxCode("employer_tax_code") ?? "",
        AmountDue = row.Money("amount_due"),
        AmountPaid = row.Money("amount_paid"),
    };
}
