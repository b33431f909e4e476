using BaoPhu.Feeds.Contracts;

namespace BaoPhu.Registry.Feeds;

/// <summary>A business as the business registry (Sở KH&amp;ĐT / Phòng TC-KH) lists it.</summary>
internal sealed class BusinessRecord : IFeedRow
{
    public Guid BatchId { get; set; }

    public int SourceRow { get; set; }

    public string TaxCode { get; set; } = "";

    public string Name { get; set; } = "";

    public EmployerKind Kind { get; set; }

    public string? Vsic { get; set; }

    public Guid CommuneId { get; set; }

    public DateOnly? FoundedOn { get; set; }

    public EmployerStatus Status { get; set; }

    public DateOnly? StatusOn { get; set; }
}

internal sealed class BusinessRegistryFeed : FeedDefinition<BusinessRecord>
{
    public override string Name => "business-registry";

    public override string VietnameseTitle => "Đăng ký kinh doanh";

    public override string EnglishTitle => "Business registry";

    public override FeedPeriodKind PeriodKind => FeedPeriodKind.Snapshot;

    public override IReadOnlyList<FeedColumn> Columns { get; } =
    [
        new("tax_code", true, "mã số thuế", "mst", "mã số doanh nghiệp"),
        new("name", true, "tên doanh nghiệp", "tên đơn vị", "tên"),
        new("kind", true, "loại hình"),
        new("vsic", false, "mã ngành", "ngành nghề kinh doanh chính"),
        Feeds.Columns.CommuneCode,
        new("founded_on", false, "ngày thành lập", "ngày cấp"),
        Feeds.Columns.Status,
        new("status_on", false, "ngày trạng thái", "ngày thay đổi trạng thái"),
    ];

    public override IReadOnlyList<string> Key { get; } = ["tax_code"];

    public override BusinessRecord Read(FeedRow row)
    {
        var vsic = row.Text("vsic", 5);
        if (vsic is not null && (vsic.Length is < 1 or > 5 || vsic.AsSpan().ContainsAnyExceptInRange('0', '9')))
        {
            row.Problem("vsic", "Mã ngành VSIC gồm 1 đến 5 chữ số / A VSIC code is 1 to 5 digits");
        }

        return new BusinessRecord
        {
            TaxCode = row.TaxCode("tax_code") ?? "",
            Name = row.Text("name") ?? "",
            Kind = row.Choice("kind", Codes.Kinds),
            Vsic = vsic,
            CommuneId = row.Commune("commune_code") ?? Guid.Empty,
            FoundedOn = row.Date("founded_on"),
            Status = row.Choice("status", Codes.Statuses),
            StatusOn = row.Date("status_on"),
        };
    }
}
