using System.Globalization;

namespace BaoPhu.Bench;

internal static class ProcessMemory
{
    private const string PeakField = "VmHWM:";

    /// <summary>
    /// Peak resident set size of this process so far, from Linux's <c>VmHWM</c>: what the machine had to
    /// give the process, native memory and the runtime included. Null where <c>/proc</c> is absent.
    /// </summary>
    public static long? PeakRssBytes()
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith(PeakField, StringComparison.Ordinal));
        if (line is null)
        {
            return null;
        }

        // "VmHWM:	  123456 kB"
        var kibibytes = line[PeakField.Length..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];
        return long.Parse(kibibytes, CultureInfo.InvariantCulture) * 1024;
    }
}
