using BaoPhu.Platform.Identifiers;
using BaoPhu.Platform.Persistence;
using BaoPhu.Registry.Feeds;

namespace BaoPhu.Registry.Data;

/// <summary>
/// One employer as all lists together know it: the business registry's identity beside the SI
/// register's, placed in a commune (null when only the monthly lists name it, so only whole-country
/// users see it).
/// </summary>
internal sealed class RegistryEmployer : IUnitOwned
{
    public string TaxCode { get; set; } = "";

    /// <summary>The business registry's name, else the SI register's; null when only the monthly lists name the employer.</summary>
    public string? Name { get; set; }

    public string NameKey { get; set; } = "";

    public EmployerKind? Kind { get; set; }

    public string? Vsic { get; set; }

    public Guid? UnitId { get; set; }

    public bool InBusinessRegistry { get; set; }

    public EmployerStatus? Status { get; set; }

    public DateOnly? StatusOn { get; set; }

    public DateOnly? FoundedOn { get; set; }

    public string? SiUnitCode { get; set; }

    public string? SiName { get; set; }

    public DateOnly? SiRegisteredOn { get; set; }

    public EmployerStatus? SiStatus { get; set; }

    public Guid? SiUnitId { get; set; }

    /// <summary>The latest month in which tax or SI listed employees of it.</summary>
    public string? LastPeriod { get; set; }
}

/// <summary>One person as the SI and tax lists know them; residence from SI, else the employer's commune.</summary>
internal sealed class RegistryWorker : IUnitOwned
{
    /// <summary>A number for links, so an address never carries the national ID.</summary>
    public long Id { get; set; }

    public string PersonId { get; set; } = "";

    public string FullName { get; set; } = "";

    public string NameKey { get; set; } = "";

    public DateOnly? BirthDate { get; set; }

    public Sex? Gender { get; set; }

    public Guid? UnitId { get; set; }

    public string? SiNumber { get; set; }

    public string LastPeriod { get; set; } = "";
}

/// <summary>What tax and SI say about an employer in one month, side by side.</summary>
internal sealed class RegistryEmployerMonth
{
    public string TaxCode { get; set; } = "";

    public string Period { get; set; } = "";

    public int TaxEmployees { get; set; }

    public long GrossIncome { get; set; }

    /// <summary>Compulsory participants declared by the employer.</summary>
    public int SiParticipants { get; set; }

    public long InsuredWages { get; set; }

    /// <summary>Null when BHXH listed no contribution for the employer that month.</summary>
    public long? ContributionsDue { get; set; }

    public long? ContributionsPaid { get; set; }
}

/// <summary>
/// A person at an employer in one month, as tax and SI list them; the employer is "" for voluntary
/// participation and benefits. Feeds both the employer's employee list and the person's history.
/// </summary>
internal sealed class RegistryEmployment
{
    public string EmployerTaxCode { get; set; } = "";

    public string Period { get; set; } = "";

    public string PersonId { get; set; } = "";

    public string? FullName { get; set; }

    public bool InTax { get; set; }

    public long? GrossIncome { get; set; }

    public Scheme? Scheme { get; set; }

    public long? InsuredWage { get; set; }

    public bool? HasUi { get; set; }

    public Benefit? Benefit { get; set; }

    /// <summary>The month's tax intake and the first of its rows listing this person at this employer: a finding's evidence.</summary>
    public Guid? TaxBatchId { get; set; }

    public int? TaxSourceRow { get; set; }
}
