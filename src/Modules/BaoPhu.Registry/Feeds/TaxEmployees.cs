using BaoPhu.Feeds.Contracts;
using BaoPhu.Platform.Text;

namespace BaoPhu.Registry.Feeds;

/// <summary>An employee with taxable income at an employer in a month, as the tax department lists it.</summary>
internal sealed class TaxEmployee : IFeedRow
{
    public Guid BatchId { get; set; }

    public int SourceRow { get; set; }

    public string Period { get; set; } = "";

    public string EmployerTaxCode { get; set; } = "";

    /// <summary>Null when the tax file has none or an unusable one: the person is then matched by name and birth date.</summary>
    public string? PersonId { get; set; }

    public string FullName { get; set; } = "";

    public string NameKey { get; set; } = "";

    public DateOnly? BirthDate { get; set; }

    public long GrossIncome { get; set; }
}

internal sealed class TaxEmployeesFeed : FeedDefinition<TaxEmployee>
{
    public override string Name => "tax-employees";

    public override string VietnameseTitle => "Người lao động có thu nhập chịu thuế";

    public override string EnglishTitle => "Employees declared to tax";

    public override FeedPeriodKind PeriodKind => FeedPeriodKind.Month;

    public override IReadOnlyList<FeedColumn> Columns { get; } =
    [
        Feeds.Columns.Period,
        Feeds.Columns.EmployerTaxCode,
        Feeds.Columns.PersonId,
        Feeds.Columns.FullName,
        Feeds.Columns.BirthDate,
        new("gross_income", true, "tổng thu nhập", "thu nhập chịu thuế", "tổng thu nhập chịu thuế"),
    ];

    public override IReadOnlyList<string> Key { get; } = ["period", "employer_tax_code", "person_id"];

    public override TaxEmployee Read(FeedRow row)
    {
        var birthDate = row.Date("birth_date");
        var name = row.Text("full_name", 100) ?? "";
        return new TaxEmployee
        {
            Period = row.Period(),
            EmployerTaxCode = row.TaxCode("employer_tax_code") ?? "",
            PersonId = row.PersonId("person_id", birthDate, sex: null, mayBeUnknown: true),
            FullName = name,
            NameKey = VietnameseText.Fold(name),
            BirthDate = birthDate,
            GrossIncome = row.Money("gross_income"),
        };
    }
}
