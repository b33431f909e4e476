using BaoPhu.Units.Domain;

namespace BaoPhu.Units.Tests;

public sealed class UnitCodesTests
{
    [Theory]
    [InlineData("01", UnitLevel.Province, true)]
    [InlineData("397", UnitLevel.District, true)]
    [InlineData("00007", UnitLevel.Commune, true)]
    [InlineData("0007", UnitLevel.Commune, false)]
    [InlineData("0a", UnitLevel.Province, false)]
    [InlineData("", UnitLevel.Province, false)]
    public void IsValid_ForCodeAndLevel_ChecksDigitsAndLength(string code, UnitLevel level, bool valid)
    {
        Assert.Equal(valid, UnitCodes.IsValid(code, level));
    }

    [Fact]
    public void LevelOf_ByLength_InfersTheLevel()
    {
        Assert.Equal(UnitLevel.Province, UnitCodes.LevelOf("38"));
        Assert.Equal(UnitLevel.District, UnitCodes.LevelOf("397"));
        Assert.Equal(UnitLevel.Commune, UnitCodes.LevelOf("15955"));
        Assert.Null(UnitCodes.LevelOf("1595"));
    }
}
