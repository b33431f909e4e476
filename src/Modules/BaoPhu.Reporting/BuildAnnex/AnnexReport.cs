using BaoPhu.Targets.Contracts;

namespace BaoPhu.Reporting.BuildAnnex;

/// <summary>The annex of a unit and year, filled from the targets in force of the unit and its children.</summary>
public sealed class AnnexReport(ICoverageReader coverage)
{
    private static readonly string[] Indicators =
    [
        "si.compulsory.required", "si.compulsory.participants",
        "si.voluntary.eligible", "si.voluntary.participants",
        "ui.required", "ui.participants",
    ];

    /// <summary>Writes the annex as .xlsx; false when no unit has the code on the date.</summary>
    public async Task<bool> WriteAsync(string unitCode, int year, DateOnly? on, Stream output, CancellationToken cancellationToken)
    {
        if (await DataAsync(unitCode, year, on, cancellationToken) is not { } data)
        {
            return false;
        }

        AnnexWorkbook.Write(output, data);
        return true;
    }

    /// <summary>The annex's rows, or null when no unit has the code on the date.</summary>
    internal async Task<AnnexData?> DataAsync(string unitCode, int year, DateOnly? on, CancellationToken cancellationToken)
    {
        if (await coverage.ValuesAsync(unitCode, year, on, ValueBasis.Target, Indicators, cancellationToken) is not { } values)
        {
            return null;
        }

        static AnnexRow Row(UnitValues unit) => new(
            unit.Unit.Name,
            unit.Values["si.compulsory.required"],
            unit.Values["si.compulsory.participants"],
            unit.Values["si.voluntary.eligible"],
            unit.Values["si.voluntary.participants"],
            unit.Values["ui.required"],
            unit.Values["ui.participants"]);

        return new AnnexData(values.Unit.Name, year, values.Children.Select(Row).ToList(), Row(values.Total));
    }

    public static string FileName(string unitCode, int year) => $"phu-bieu-{unitCode}-{year}.xlsx";
}
