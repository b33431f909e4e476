namespace BaoPhu.Testing;

/// <summary>Seed 001's annex: Triệu Sơn's (district 397 of Thanh Hóa) plan for 2020, as a <c>targets</c> feed file.</summary>
public static class Seed001
{
    public const string TrieuSonTargets = """
        year,unit_code,indicator,value
        2020,397,si.compulsory.required,15890
        2020,397,si.compulsory.participants,15530
        2020,397,si.voluntary.eligible,71313
        2020,397,si.voluntary.participants,1930
        2020,397,ui.required,14360
        2020,397,ui.participants,13640
        """;
}
