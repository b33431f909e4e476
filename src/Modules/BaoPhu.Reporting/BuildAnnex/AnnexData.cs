namespace BaoPhu.Reporting.BuildAnnex;

/// <summary>The annex of one unit for one year: its total and one row per child unit.</summary>
internal sealed record AnnexData(string UnitName, int Year, IReadOnlyList<AnnexRow> Rows, AnnexRow Total);

/// <summary>
/// One unit's counts. They may be fractional because figures are re-attributed through the 2025
/// lineage by share; null means unknown and stays an empty cell rather than a misleading zero.
/// </summary>
internal sealed record AnnexRow(
    string UnitName,
    decimal? CompulsoryRequired,
    decimal? CompulsoryParticipants,
    decimal? VoluntaryEligible,
    decimal? VoluntaryParticipants,
    decimal? UiRequired,
    decimal? UiParticipants);
