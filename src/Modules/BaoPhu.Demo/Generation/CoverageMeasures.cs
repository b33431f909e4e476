namespace BaoPhu.Demo.Generation;

/// <summary>The count indicators the demo gives every unit; the value is the index into a value row.</summary>
internal enum Measure
{
    CompulsoryRequired,
    CompulsoryParticipants,
    VoluntaryEligible,
    VoluntaryParticipants,
    UiRequired,
    UiParticipants,
    HiPopulation,
    HiParticipants,
    WorkingAge,
    PastRetirementAge,
    PensionRecipients,
    EmployersLiable,
    EmployersRegistered,
}

internal static class CoverageMeasures
{
    public const int Count = 13;

    /// <summary>Indicator codes of FEEDS.md, in <see cref="Measure"/> order, which is also the row order in the files.</summary>
    public static readonly string[] Codes =
    [
        "si.compulsory.required",
        "si.compulsory.participants",
        "si.voluntary.eligible",
        "si.voluntary.participants",
        "ui.required",
        "ui.participants",
        "hi.population",
        "hi.participants",
        "labour_force.working_age",
        "pension.past_retirement_age",
        "pension.recipients",
        "employers.liable",
        "employers.registered",
    ];

    /// <summary>
    /// Resolution 28's milestones as this province adopted them, in percent; the plans set them for
    /// 2025 and 2030 only, and at province level only.
    /// </summary>
    public static readonly (string Code, int Year, decimal Percent)[] Milestones =
    [
        ("si.labour_force_share", 2025, 45m),
        ("si.voluntary.labour_force_share", 2025, 2.5m),
        ("ui.labour_force_share", 2025, 35m),
        ("hi.rate", 2025, 95m),
        ("si.labour_force_share", 2030, 60m),
        ("si.voluntary.labour_force_share", 2030, 5m),
        ("ui.labour_force_share", 2030, 45m),
        ("hi.rate", 2030, 99m),
    ];

    /// <summary>
    /// What a unit achieves, as opposed to the populations it is measured against: the numbers
    /// a district bargains over when it passes its target down, and a province rounds up.
    /// </summary>
    public static bool IsAchievement(Measure measure) => measure is Measure.CompulsoryParticipants
        or Measure.VoluntaryParticipants or Measure.UiParticipants or Measure.HiParticipants
        or Measure.PensionRecipients or Measure.EmployersRegistered;
}
