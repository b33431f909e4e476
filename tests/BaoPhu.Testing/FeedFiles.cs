using System.Globalization;
using System.Text;
using BaoPhu.Platform.Identifiers;

namespace BaoPhu.Testing;

/// <summary>Canonical feed files with valid codes, built row by row so a test can spoil the rows it is about.</summary>
public static class FeedFiles
{
    public const string TaxEmployeesHeader = "period,employer_tax_code,person_id,full_name,birth_date,gross_income";

    private static readonly string[] Names = ["Nguyễn Văn An", "Trần Thị Bích Ngọc", "Lê Đức Lượng", "Phạm Thị Ánh Tuyết", "Hoàng Văn Ưng", "Đặng Quốc Việt"];

    /// <summary>The <paramref name="n"/>-th valid tax code (deterministic).</summary>
    public static string TaxCode(int n)
    {
        for (var prefix = 100_000_000 + (n * 37); ; prefix++)
        {
            if (Platform.Identifiers.TaxCode.Complete(prefix.ToString(CultureInfo.InvariantCulture)) is { } code)
            {
                return code;
            }
        }
    }

    public static (string Id, DateOnly BirthDate, Sex Sex) Person(int n)
    {
        var birth = new DateOnly(1970 + (n % 35), 1 + (n % 12), 1 + (n % 28));
        var sex = n % 2 == 0 ? Sex.Male : Sex.Female;
        return (NationalId.Create("038", birth.Year, sex, n), birth, sex);
    }

    /// <summary>A tax-employees row of person <paramref name="n"/> at employer <c>n % 7</c>.</summary>
    public static string TaxEmployee(string period, int n)
    {
        var (id, birth, _) = Person(n);
        return string.Create(CultureInfo.InvariantCulture,
            $"{period},{TaxCode(n % 7)},{id},{Names[n % Names.Length]},{birth:yyyy-MM-dd},{5_000_000 + (n * 1000)}");
    }

    public static string TaxEmployees(string period, int rows, Func<int, string, string?>? spoil = null)
    {
        var text = new StringBuilder(TaxEmployeesHeader).Append('\n');
        for (var n = 0; n < rows; n++)
        {
            var row = TaxEmployee(period, n);
            text.Append(spoil?.Invoke(n, row) ?? row).Append('\n');
        }

        return text.ToString();
    }
}
