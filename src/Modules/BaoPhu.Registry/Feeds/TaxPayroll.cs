using BaoPhu.Feeds.Contracts;

namespace BaoPhu.Registry.Feeds;

/// <summary>An employer's headcount and payroll declared to tax for a year.</summary>
internal sealed class TaxPayroll : IFeedRow
{
    public Guid BatchId { get; set; }

    public int SourceRow { get; set; }

    public int Year { get; set; }

    public string EmployerTaxCode { get; set; } = "";

    public int EmployeeCount { get; set; }

    public long PayrollTotal { get; set; }
}

internal sealed class TaxPayrollFeed : FeedDefinition<TaxPayroll>
{
    public override string Name => "tax-payroll";

    public override string VietnameseTitle => "Quỹ lương khai thuế theo năm";

    public override string EnglishTitle => "Payroll declared to tax by year";

    public override FeedPeriodKind PeriodKind => FeedPeriodKind.Year;

    public override IReadOnlyList<FeedColumn> Columns { get; } =
    [
        Feeds.Columns.Year,
        Feeds.Columns.EmployerTaxCode,
        new("employee_count", true, "số lao động", "tổng số lao động"),
        new("payroll_total", true, "tổng quỹ lương", "quỹ lương"),
    ];

    public override IReadOnlyList<string> Key { get; } = ["year", "employer_tax_code"];

    public override TaxPayroll Read(FeedRow row) => new()
    {
        Year = row.Year(),
        EmployerTaxCode = row.TaxCode("employer_tax_code") ?? "",
        EmployeeCount = row.Count("employee_count"),
        PayrollTotal = row.Money("payroll_total"),
    };
}
