namespace BaoPhu.Platform.Tabular;

/// <summary>
/// The records of one file format, blank ones included, each with the row number its user sees.
/// <see cref="TabularReader"/> does the rest (header, blank rows, cleaning, lookup by name) once for
/// every format.
/// </summary>
internal abstract class TabularSource : IDisposable
{
    protected TabularSource(string fileName) => FileName = fileName;

    public string FileName { get; }

    /// <summary>The row where the current record starts: header = 1, blank lines and rows included.</summary>
    public abstract int Row { get; }

    /// <summary>The fields of the current record.</summary>
    public abstract int FieldCount { get; }

    /// <summary>
    /// Whether a record with a different number of fields than the header is suspect. In a CSV an extra
    /// field is usually an unquoted comma that shifted every value after it; an .xlsx cell cannot
    /// shift, so a value right of the header is only an unnamed column.
    /// </summary>
    public abstract bool FieldsAreDelimited { get; }

    /// <summary>The text encoding the file was read in (see <see cref="TabularReader.Encoding"/>); null when the format fixes it.</summary>
    public virtual string? Encoding => null;

    /// <summary>Moves to the next record, blank or not; false at the end.</summary>
    public abstract bool ReadRecord();

    /// <summary>The raw text of a field of the current record, null beyond its last field.</summary>
    public abstract string? Field(int index);

    public virtual bool IsBlank(int index) => string.IsNullOrWhiteSpace(Field(index));

    public abstract void Dispose();
}
