using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Identifiers;
using BaoPhu.Platform.Text;

namespace BaoPhu.Registry.Feeds;

/// <summary>A person's SI participation in a month, as BHXH lists it.</summary>
internal sealed class SiParticipation : IFeedRow
{
    public Guid BatchId { get; set; }

    public int SourceRow { get; set; }

    public string Period { get; set; } = "";

    public string SiNumber { get; set; } = "";

    public string PersonId { get; set; } = "";

    public string FullName { get; set; } = "";

    /// <summary>The name folded for diacritics-insensitive search and matching.</summary>
    public string NameKey { get; set; } = "";

    public DateOnly BirthDate { get; set; }

    public Sex Gender { get; set; }

    public Guid ResidenceCommuneId { get; set; }

    public Scheme Scheme { get; set; }

    public string? EmployerTaxCode { get; set; }

    public long InsuredWage { get; set; }

    public bool HasUi { get; set; }
}

internal sealed class SiParticipantsFeed : FeedDefinition<SiParticipation>
{
    public override string Name => "si-participants";

    public override string VietnameseTitle => "Người tham gia BHXH theo tháng";

    public override string EnglishTitle => "SI participants by month";

    public override FeedPeriodKind PeriodKind => FeedPeriodKind.Month;

    public override IReadOnlyList<FeedColumn> Columns { get; } =
    [
        Feeds.Columns.Period,
        new("si_number", true, "mã số bhxh", "số sổ bhxh"),
        Feeds.Columns.PersonId,
        Feeds.Columns.FullName,
        Feeds.Columns.BirthDate,
        new("gender", true, "giới tính"),
        Feeds.Columns.ResidenceCommuneCode,
        new("scheme", true, "loại hình tham gia", "hình thức tham gia"),
        new("employer_tax_code", false, "mã số thuế đơn vị", "mst đơn vị"),
        new("insured_wage", true, "mức lương đóng", "tiền lương đóng bhxh", "mức thu nhập đóng"),
        new("has_ui", true, "tham gia bhtn", "bhtn"),
    ];

    public override IReadOnlyList<string> Key { get; } = ["period", "person_id"];

    public override SiParticipation Read(FeedRow row)
    {
        var period = row.Period();
        var birthDate = row.Date("birth_date");
        var gender = row.Choice("gender", Codes.Sexes);
        var scheme = row.Choice("scheme", Codes.Schemes);
        var employer = row.TaxCode("employer_tax_code");
        if (scheme == Scheme.Compulsory && employer is null && row.Text("employer_tax_code") is null)
        {
            row.Problem("employer_tax_code", "Người tham gia bắt buộc phải có mã số thuế đơn vị / A compulsory participant needs the employer's tax code");
        }
        else if (scheme == Scheme.Voluntary && employer is not null)
        {
            row.Problem("employer_tax_code", "Người tham gia tự nguyện không có đơn vị sử dụng lao động / A voluntary participant has no employer");
        }

        var name = row.Text("full_name", 100) ?? "";
        return new SiParticipation
        {
            Period = period,
            SiNumber = row.SiNumber("si_number") ?? "",
            PersonId = row.PersonId("person_id", birthDate, gender) ?? "",
            FullName = name,
            NameKey = VietnameseText.Fold(name),
            BirthDate = birthDate ?? default,
            Gender = gender,
            ResidenceCommuneId = row.Commune("residence_commune_code") ?? Guid.Empty,
            Scheme = scheme,
            EmployerTaxCode = employer,
            InsuredWage = row.Money("insured_wage"),
            HasUi = row.Flag("has_ui"),
        };
    }
}
