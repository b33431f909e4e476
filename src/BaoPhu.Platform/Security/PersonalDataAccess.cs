using System.Security.Claims;
using BaoPhu.Platform.Text;

namespace BaoPhu.Platform.Security;

/// <summary>
/// Who sees personal data on the pages and in their exports: full national IDs, SI numbers and
/// wages are for the agencies that enforce (administrator, BHXH, inspectors); everyone else sees
/// them masked. The one place this rule lives.
/// </summary>
public static class PersonalDataAccess
{
    public const string HiddenAmount = "•••";

    private static readonly string[] SeeingRoles = [Roles.Administrator, Roles.InsuranceAgency, Roles.Inspector];

    public static bool SeesPersonalData(ClaimsPrincipal? user) => user is not null && SeeingRoles.Any(user.IsInRole);

    /// <summary>A national ID or SI number as this user may see it.</summary>
    public static string Id(ClaimsPrincipal? user, string? id) => SeesPersonalData(user) ? id ?? "" : PersonalData.MaskId(id);

    /// <summary>A wage or income as this user may see it: the amount for a page, "•••" otherwise.</summary>
    public static string Amount(ClaimsPrincipal? user, long? amount) =>
        amount is null ? "" : SeesPersonalData(user) ? Localized.Count(amount.Value) : HiddenAmount;

    /// <summary>A wage for an export cell: a number when allowed, so sums work in Excel.</summary>
    public static object? AmountCell(ClaimsPrincipal? user, long? amount) =>
        amount is null ? null : SeesPersonalData(user) ? amount.Value : HiddenAmount;
}
