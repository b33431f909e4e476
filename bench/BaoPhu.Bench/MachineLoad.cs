using System.Globalization;

namespace BaoPhu.Bench;

internal static class MachineLoad
{
    /// <summary>
    /// Linux's one-minute load average, reported beside the results: on a shared machine other work
    /// inflates the medians, and a reader should be able to tell. Null where <c>/proc</c> is absent.
    /// </summary>
    public static double? OneMinute()
    {
        const string file = "/proc/loadavg";
        return File.Exists(file)
            ? double.Parse(File.ReadAllText(file).Split(' ')[0], CultureInfo.InvariantCulture)
            : null;
    }
}
