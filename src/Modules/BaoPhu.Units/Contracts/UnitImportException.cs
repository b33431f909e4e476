namespace BaoPhu.Units.Contracts;

/// <summary>
/// A unit file that cannot be imported. Nothing was written: every problem found is listed, each
/// naming the file and the place in it.
/// </summary>
public sealed class UnitImportException(string file, IReadOnlyList<UnitImportProblem> problems)
    : Exception(Describe(file, problems))
{
    public string File { get; } = file;

    public IReadOnlyList<UnitImportProblem> Problems { get; } = problems;

    private static string Describe(string file, IReadOnlyList<UnitImportProblem> problems)
    {
        const int shown = 20;
        var lines = problems.Take(shown).Select(p => $"  {Path.GetFileName(file)}: {p.Location}: {p.MessageVi} / {p.MessageEn}");
        var more = problems.Count > shown ? $"\n  … và {problems.Count - shown} lỗi khác / and {problems.Count - shown} more" : "";
        return $"Không nhập được {Path.GetFileName(file)}; dữ liệu không thay đổi / {Path.GetFileName(file)} was not imported; nothing changed:\n"
            + string.Join('\n', lines) + more;
    }
}

/// <param name="Location">Where in the file: a row and column, or a JSON path and line.</param>
public sealed record UnitImportProblem(string Location, string MessageVi, string MessageEn);
