using System.Collections.Frozen;

namespace BaoPhu.Platform.Text;

/// <summary>
/// Personal data (national ID, SI number, names, birth dates, wages) is masked wherever a list shows it
/// to someone not allowed to see it, and in anything that may end up in a log.
/// </summary>
public static class PersonalData
{
    /// <summary>The canonical feed columns that hold personal data.</summary>
    public static readonly FrozenSet<string> Columns = new[]
    {
        "person_id", "si_number", "full_name", "birth_date", "insured_wage", "gross_income",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>"038185001234" → "038*******34": enough to tell two IDs apart on a page, not to use one.</summary>
    public static string MaskId(string? id) => id switch
    {
        null or "" => "",
        { Length: <= 5 } => new string('*', id.Length),
        _ => string.Concat(id.AsSpan(0, 3), new string('*', id.Length - 5), id.AsSpan(id.Length - 2)),
    };

    /// <summary>What a masked name, birth date or wage shows.</summary>
    public const string Hidden = "•••";

    /// <summary>
    /// A value of <paramref name="column"/> as it may be shown or logged: identifiers partly masked,
    /// names, birth dates and wages hidden, anything else as is.
    /// </summary>
    public static string? Shown(string? column, string? value) => value is null || column is null || !Columns.Contains(column)
        ? value
        : column is "person_id" or "si_number" ? MaskId(value) : Hidden;
}
