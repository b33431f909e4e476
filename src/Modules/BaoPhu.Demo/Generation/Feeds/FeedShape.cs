namespace BaoPhu.Demo.Generation.Feeds;

/// <summary>
/// A canonical feed of FEEDS.md as the generator writes it: its header, and which columns a malformed
/// copy of a row may spoil (−1 where the feed has no such column).
/// </summary>
internal sealed record FeedShape(
    string Feed,
    string[] Header,
    int TaxCode = -1,
    int BirthDate = -1,
    int Amount = -1,
    int Commune = -1,
    int PersonId = -1,
    bool IdAgreesWithBirthDate = false)
{
    public static readonly FeedShape BusinessRegistry = new(
        "business-registry", ["tax_code", "name", "kind", "vsic", "commune_code", "founded_on", "status", "status_on"]);

    public static readonly FeedShape SiEmployers = new(
        "si-employers", ["employer_tax_code", "si_unit_code", "name", "commune_code", "registered_on", "status"]);

    public static readonly FeedShape SiParticipants = new(
        "si-participants",
        ["period", "si_number", "person_id", "full_name", "birth_date", "gender", "residence_commune_code", "scheme", "employer_tax_code", "insured_wage", "has_ui"],
        TaxCode: 8, BirthDate: 4, Amount: 9, Commune: 6, PersonId: 2, IdAgreesWithBirthDate: true);

    public static readonly FeedShape SiContributions = new(
        "si-contributions", ["period", "employer_tax_code", "amount_due", "amount_paid"]);

    public static readonly FeedShape TaxEmployees = new(
        "tax-employees", ["period", "employer_tax_code", "person_id", "full_name", "birth_date", "gross_income"],
        TaxCode: 1, BirthDate: 4, Amount: 5, PersonId: 2);

    public static readonly FeedShape BenefitRecipients = new(
        "benefit-recipients", ["period", "person_id", "residence_commune_code", "benefit"], Commune: 2, PersonId: 1);

    public static readonly FeedShape TaxPayroll = new(
        "tax-payroll", ["year", "employer_tax_code", "employee_count", "payroll_total"]);

    public static readonly FeedShape LabourStatistics = new(
        "labour-statistics",
        ["year", "commune_code", "population", "working_age_labour_force", "working_abroad", "working_out_of_province", "in_military_service", "past_retirement_age"]);

    /// <summary>Whether the feed lists people, and so gets a few malformed rows an importer must refuse.</summary>
    public bool IsPersonLevel => PersonId >= 0;
}
