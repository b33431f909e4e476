using System.Collections.Frozen;
using BaoPhu.Platform.Identifiers;

namespace BaoPhu.Registry.Feeds;

internal enum EmployerKind
{
    Enterprise,
    Cooperative,
    Household,
    Public,
}

internal enum EmployerStatus
{
    Active,
    Suspended,
    Dissolved,
    Absconded,
}

internal enum Scheme
{
    Compulsory,
    Voluntary,
}

internal enum Benefit
{
    Pension,
    MonthlySi,
    SocialPension,
}

/// <summary>The codes FEEDS.md gives each coded column, as they appear in files.</summary>
internal static class Codes
{
    public static readonly FrozenDictionary<string, EmployerKind> Kinds = new Dictionary<string, EmployerKind>
    {
        ["enterprise"] = EmployerKind.Enterprise,
        ["cooperative"] = EmployerKind.Cooperative,
        ["household"] = EmployerKind.Household,
        ["public"] = EmployerKind.Public,
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, EmployerStatus> Statuses = new Dictionary<string, EmployerStatus>
    {
        ["active"] = EmployerStatus.Active,
        ["suspended"] = EmployerStatus.Suspended,
        ["dissolved"] = EmployerStatus.Dissolved,
        ["absconded"] = EmployerStatus.Absconded,
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, Scheme> Schemes = new Dictionary<string, Scheme>
    {
        ["compulsory"] = Scheme.Compulsory,
        ["voluntary"] = Scheme.Voluntary,
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, Sex> Sexes = new Dictionary<string, Sex>
    {
        ["M"] = Sex.Male,
        ["F"] = Sex.Female,
    }.ToFrozenDictionary();

    public static readonly FrozenDictionary<string, Benefit> Benefits = new Dictionary<string, Benefit>
    {
        ["pension"] = Benefit.Pension,
        ["monthly_si"] = Benefit.MonthlySi,
        ["social_pension"] = Benefit.SocialPension,
    }.ToFrozenDictionary();
}
