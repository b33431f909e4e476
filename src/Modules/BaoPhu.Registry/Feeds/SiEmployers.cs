using BaoPhu.Feeds.Contracts;

namespace BaoPhu.Registry.Feeds;

/// <summary>An employer registered with the social-security agency (BHXH).</summary>
internal sealed class SiEmployerRecord : IFeedRow
{
    public Guid BatchId { get; set; }

    public int SourceRow { get; set; }

    public string EmployerTaxCode { get; set; } = "";

    public string SiUnitCode { get; set; } = "";

    public string Name { get; set; } = "";

    public Guid CommuneId { get; set; }

    public DateOnly RegisteredOn { get; set; }

    public EmployerStatus Status { get; set; }
}

internal sealed class SiEmployersFeed : FeedDefinition<SiEmployerRecord>
{
    public override string Name => "si-employers";

    public override string VietnameseTitle => "Đơn vị tham gia BHXH";

    public override string EnglishTitle => "SI-registered employers";

    public override FeedPeriodKind PeriodKind => FeedPeriodKind.Snapshot;

    public override IReadOnlyList<FeedColumn> Columns { get; } =
    [
        Feeds.Columns.EmployerTaxCode,
        new("si_unit_code", true, "mã đơn vị", "mã đơn vị bhxh"),
        new("name", true, "tên đơn vị", "tên doanh nghiệp", "tên"),
        Feeds.Columns.CommuneCode,
        new("registered_on", true, "ngày đăng ký", "ngày tham gia"),
        Feeds.Columns.Status,
    ];

    public override IReadOnlyList<string> Key { get; } = ["employer_tax_code"];

    public override SiEmployerRecord Read(FeedRow row) => new()
    {
        EmployerTaxCode = row.TaxCode("employer_tax_code") ?? "",
        SiUnitCode = row.Text("si_unit_code", 20) ?? "",
        Name = row.Text("name") ?? "",
        CommuneId = row.Commune("commune_code") ?? Guid.Empty,
        RegisteredOn = row.Date("registered_on") ?? default,
        Status = row.Choice("status", Codes.Statuses),
    };
}
