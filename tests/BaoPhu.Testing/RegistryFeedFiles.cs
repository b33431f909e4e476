using System.Globalization;
using System.Text;
using BaoPhu.Platform.Identifiers;

namespace BaoPhu.Testing;

/// <summary>A small province's lists for one month: two employers in two communes, their people, and what they paid.</summary>
/// <param name="home">The commune of the builder and of person 0.</param>
/// <param name="elsewhere">The commune of the bakery and of persons 1 and 4.</param>
public sealed class RegistryFeedFiles(string period, int first, string home = RegistryFeedFiles.ThoTien, string elsewhere = RegistryFeedFiles.HopLy)
{
    // Xã Thọ Tiến and Xã Hợp Lý (Triệu Sơn, Thanh Hóa), before the 2025 merger.
    public const string ThoTien = "15673";
    public const string HopLy = "15676";

    public string Period => period;

    /// <summary>At home, registered with BHXH.</summary>
    public string Builder { get; } = FeedFiles.TaxCode(first);

    /// <summary>Elsewhere, not registered with BHXH.</summary>
    public string Bakery { get; } = FeedFiles.TaxCode(first + 1);

    public string SiUnitCode => "TA" + first.ToString("D5", CultureInfo.InvariantCulture);

    public (string Id, DateOnly BirthDate, Sex Sex) Person(int n) => FeedFiles.Person(first + n);

    public string BusinessRegistry() =>
        "tax_code,name,kind,vsic,commune_code,founded_on,status,status_on\n" +
        $"{Builder},Công ty TNHH Xây dựng Đức Lượng {first},enterprise,41000,{home},2015-03-02,active,\n" +
        $"{Bakery},Hộ kinh doanh Bánh mì Ánh Tuyết {first},household,10710,{elsewhere},2019-08-15,active,\n";

    public string SiEmployers() =>
        "employer_tax_code,si_unit_code,name,commune_code,registered_on,status\n" +
        $"{Builder},{SiUnitCode},Công ty TNHH Xây dựng Đức Lượng {first},{home},2016-01-01,active\n";

    /// <summary>Persons 0–2 at the builder (0 paid most), 3 at the bakery, and one more at the builder without a usable ID.</summary>
    public string TaxEmployees(int people = 3)
    {
        var text = new StringBuilder(FeedFiles.TaxEmployeesHeader).Append('\n');
        for (var n = 0; n < people; n++)
        {
            text.Append(TaxRow(Builder, n, "Nguyễn Văn An", 20_000_000 - (n * 1_000_000)));
        }

        text.Append(TaxRow(Bakery, 3, "Phạm Thị Ánh Tuyết", 8_000_000));
        text.Append(CultureInfo.InvariantCulture, $"{period},{Builder},,Lê Đức Lượng,1990-01-01,7000000\n");
        return text.ToString();
    }

    /// <summary>Persons 0 and 1 compulsory at the builder, person 4 voluntary.</summary>
    public string SiParticipants() =>
        "period,si_number,person_id,full_name,birth_date,gender,residence_commune_code,scheme,employer_tax_code,insured_wage,has_ui\n" +
        SiRow(0, home, "compulsory", Builder, 15_000_000) +
        SiRow(1, elsewhere, "compulsory", Builder, 12_000_000) +
        SiRow(4, elsewhere, "voluntary", "", 2_000_000);

    public string SiContributions() =>
        "period,employer_tax_code,amount_due,amount_paid\n" +
        $"{period},{Builder},8000000,5000000\n";

    private string TaxRow(string employer, int n, string name, long income)
    {
        var (id, birth, _) = Person(n);
        return string.Create(CultureInfo.InvariantCulture, $"{period},{employer},{id},{name},{birth:yyyy-MM-dd},{income}\n");
    }

    private string SiRow(int n, string commune, string scheme, string employer, long wage)
    {
        var (id, birth, sex) = Person(n);
        return string.Create(CultureInfo.InvariantCulture,
            $"{period},{9_000_000_000L + first + n},{id},Nguyễn Văn An,{birth:yyyy-MM-dd},{(sex == Sex.Male ? "M" : "F")},{commune},{scheme},{employer},{wage},{(scheme == "compulsory" ? 1 : 0)}\n");
    }
}
