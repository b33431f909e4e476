using BaoPhu.Compliance.Contracts;
using BaoPhu.Compliance.Domain;
using static BaoPhu.Platform.Text.Localized;

namespace BaoPhu.Compliance.RankEmployers;

/// <summary>One reason an employer scores: what was found and the points it adds.</summary>
internal sealed record RiskReason(string Text, int Points);

/// <summary>A rule of the risk score: how it reads on the page, and what it gives an employer.</summary>
internal sealed record RiskRule(Func<string> Describe, int Most, Func<EmployerTally, RiskReason?> Apply);

/// <summary>
/// The risk score of an employer, for ranking who to inspect first: the sum of the points of every
/// rule below, each shown to the user beside the score so a ranking can be argued with. Weights
/// follow the seeds' order of gravity: not registering at all and evasion first (seed 000 IV.7,
/// 002 IV.18), then employers that closed owing, then late payment and understated payroll; people
/// left out count per person, capped so one large firm does not drown the rest; the size and age of
/// the arrears and the size of the workforce (how many people a failure touches) add to them.
/// </summary>
internal static class RiskRules
{
    public static IReadOnlyList<RiskRule> All { get; } =
    [
        Flag(FindingKinds.UnregisteredEmployer, 30),
        Flag(FindingKinds.Evasion, 25),
        Flag(FindingKinds.ClosedWithArrears, 20),
        Flag(FindingKinds.LatePayment, 10),
        Flag(FindingKinds.PayrollGap, 10),
        PerPerson(FindingKinds.HeadcountGap, 2, 20),
        PerPerson(FindingKinds.UninsuredWorker, 1, 10),
        PerPerson(FindingKinds.WageBelowFloor, 1, 10),
        Steps(() => T("Số tiền nợ (đồng)", "Arrears owed (VND)"), t => t.Arrears, [(1_000_000_000, 15), (100_000_000, 10), (10_000_000, 5), (1, 2)]),
        Steps(() => T("Số tháng nợ", "Months in arrears"), t => t.ArrearsMonths, [(12, 10), (6, 6), (3, 3)]),
        Steps(() => T("Số lao động", "Workforce"), t => t.Workforce, [(200, 10), (50, 6), (10, 3)]),
    ];

    /// <summary>The highest score an employer can reach.</summary>
    public static int Maximum { get; } = All.Sum(r => r.Most);

    public static IReadOnlyList<RiskReason> Reasons(EmployerTally tally) => [.. All.Select(r => r.Apply(tally)).OfType<RiskReason>()];

    public static int Score(EmployerTally tally) => Reasons(tally).Sum(r => r.Points);

    private static RiskRule Flag(string kind, int points) => new(
        () => T($"{FindingText.Kind(kind)}: {points} điểm", $"{FindingText.Kind(kind)}: {points} points"),
        points,
        t => t.Of(kind) is { } found
            ? new RiskReason(found.Findings > 1 ? $"{FindingText.Kind(kind)} ({T($"{found.Findings} kỳ", $"{found.Findings} periods")})" : FindingText.Kind(kind), points)
            : null);

    private static RiskRule PerPerson(string kind, int each, int cap) => new(
        () => T($"{FindingText.Kind(kind)}: {each} điểm mỗi người, tối đa {cap}", $"{FindingText.Kind(kind)}: {each} per person, at most {cap}"),
        cap,
        t => t.Persons(kind) is > 0 and var persons
            ? new RiskReason($"{FindingText.Kind(kind)}: {T($"{Count(persons)} người", $"{Count(persons)} people")}", Math.Min(cap, persons * each))
            : null);

    /// <summary>Points by threshold, highest first: the first threshold the value reaches gives its points.</summary>
    private static RiskRule Steps(Func<string> name, Func<EmployerTally, long> value, (long From, int Points)[] steps) => new(
        () => $"{name()}: " + string.Join("; ", steps.Select(s => T($"từ {Count(s.From)}: {s.Points} điểm", $"from {Count(s.From)}: {s.Points} points"))),
        steps.Max(s => s.Points),
        t => value(t) is var v && steps.FirstOrDefault(s => v >= s.From) is { Points: > 0 } step ? new RiskReason($"{name()}: {Count(v)}", step.Points) : null);
}
