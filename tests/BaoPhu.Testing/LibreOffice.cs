using System.Diagnostics;
using System.Text;

namespace BaoPhu.Testing;

/// <summary>
/// Opens a spreadsheet in LibreOffice as a user would and reads back its first sheet as shown, so a
/// test sees the formatted text (15.890; 97,7) and not only the stored values.
/// </summary>
public static class LibreOffice
{
    // Comma-separated, double-quoted, UTF-8 (76); LibreOffice writes cells "as shown" by default.
    private const string CsvFilter = "csv:Text - txt - csv (StarCalc):44,34,76,1";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static Task<string[][]> ConvertToCsvAsync(string xlsxPath, CancellationToken ct) => ConvertToCsvAsync(xlsxPath, locale: null, ct);

    /// <param name="locale">The process locale LibreOffice runs under (<c>en_US.UTF-8</c>, ...); the inherited one when null.</param>
    public static async Task<string[][]> ConvertToCsvAsync(string xlsxPath, string? locale, CancellationToken ct)
    {
        var soffice = FindSoffice() ?? throw new InvalidOperationException(
            "LibreOffice (soffice) is not on PATH; install the Debian package libreoffice-calc-nogui (scripts/test.sh does so as root).");

        // Each conversion gets its own user profile: parallel instances sharing one would hand their
        // work to the first instance or fail on its lock.
        var work = Path.Combine(Path.GetTempPath(), "baophu-libreoffice", Guid.NewGuid().ToString("N"));
        var profile = Path.Combine(work, "profile");
        var output = Path.Combine(work, "out");
        Directory.CreateDirectory(output);
        try
        {
            var start = new ProcessStartInfo(
                soffice,
                ["--headless", "-env:UserInstallation=" + new Uri(profile).AbsoluteUri, "--convert-to", CsvFilter, "--outdir", output, Path.GetFullPath(xlsxPath)])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };

            if (locale is not null)
            {
                start.Environment["LC_ALL"] = locale;
                start.Environment["LANG"] = locale;
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("LibreOffice did not start: " + soffice);
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Timeout);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                ct.ThrowIfCancellationRequested();
                throw new TimeoutException($"LibreOffice did not convert {xlsxPath} within {Timeout.TotalSeconds:0} s.");
            }

            var csv = Path.Combine(output, Path.GetFileNameWithoutExtension(xlsxPath) + ".csv");
            if (!File.Exists(csv))
            {
                throw new InvalidOperationException(
                    $"LibreOffice could not convert {xlsxPath} (exit code {process.ExitCode}): {await stdout}{await stderr}");
            }

            return ParseCsv(await File.ReadAllTextAsync(csv, Encoding.UTF8, ct));
        }
        finally
        {
            DeleteQuietly(work);
        }
    }

    /// <summary>RFC 4180: quoted fields may hold separators, doubled quotes and line breaks.</summary>
    public static string[][] ParseCsv(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c != '"')
                {
                    field.Append(c);
                }
                else if (i + 1 < text.Length && text[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else
                {
                    quoted = false;
                }

                continue;
            }

            switch (c)
            {
                case '"':
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    rows.Add([.. row]);
                    row.Clear();
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }

        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add([.. row]);
        }

        return [.. rows];
    }

    // A leftover temporary folder must not hide the conversion's own outcome.
    private static void DeleteQuietly(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static string? FindSoffice() =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, OperatingSystem.IsWindows() ? "soffice.exe" : "soffice"))
            .FirstOrDefault(File.Exists);
}
