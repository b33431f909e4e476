using System.Linq.Expressions;
using BaoPhu.Units.Domain;

namespace BaoPhu.Units.Data;

internal static class UnitQueries
{
    /// <summary>Units in force on the date; the one definition every query of the module uses.</summary>
    public static Expression<Func<AdministrativeUnit, bool>> InForceOn(DateOnly date) =>
        u => (u.ValidFrom == null || u.ValidFrom <= date) && (u.ValidTo == null || date < u.ValidTo);

    public static IQueryable<AdministrativeUnit> InForceOn(this IQueryable<AdministrativeUnit> units, DateOnly date) =>
        units.Where(InForceOn(date));
}
