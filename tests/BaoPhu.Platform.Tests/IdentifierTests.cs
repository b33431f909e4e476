using BaoPhu.Platform.Identifiers;

namespace BaoPhu.Platform.Tests;

public sealed class IdentifierTests
{
    [Theory]
    [InlineData("0100109106")] // Vietnam Posts and Telecommunications Group
    [InlineData("0300588569")]
    [InlineData("0100109106-001")]
    public void TaxCode_WhenCheckDigitRight_IsValid(string code) => Assert.True(TaxCode.IsValid(code));

    [Theory]
    [InlineData("0100109107")]
    [InlineData("010010910")]
    [InlineData("01001091060")]
    [InlineData("0100109106-01")]
    [InlineData("0100109106/001")]
    [InlineData("01001O9106")]
    public void TaxCode_WhenMalformedOrCheckDigitWrong_IsRefusedWithReason(string code)
    {
        Assert.False(TaxCode.IsValid(code));
        Assert.NotNull(TaxCode.Problem(code));
    }

    [Fact]
    public void TaxCode_Complete_GivesValidCodesAndSkipsPrefixesWithoutCheckDigit()
    {
        var made = 0;
        for (var n = 100_000_000; n < 100_000_100; n++)
        {
            var prefix = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (TaxCode.Complete(prefix) is { } code)
            {
                Assert.True(TaxCode.IsValid(code), code);
                made++;
            }
            else
            {
                Assert.Null(TaxCode.CheckDigit(prefix));
            }
        }

        Assert.InRange(made, 85, 95);
    }

    [Fact]
    public void NationalId_Decode_ReadsCenturySexAndYear()
    {
        Assert.Equal((1985, Sex.Male), NationalId.Decode("038085001234"));
        Assert.Equal((1985, Sex.Female), NationalId.Decode("038185001234"));
        Assert.Equal((2003, Sex.Male), NationalId.Decode("001203001234"));
        Assert.Equal((2003, Sex.Female), NationalId.Decode("001303001234"));
        Assert.Null(NationalId.Decode("003085001234"));
        Assert.Null(NationalId.Decode("03808500123"));
    }

    [Fact]
    public void NationalId_Problem_ChecksAgreementWithBirthDateAndSex()
    {
        Assert.Null(NationalId.Problem("038185001234", new DateOnly(1985, 4, 2), Sex.Female));
        Assert.Null(NationalId.Problem("038185001234", null, null));
        Assert.Contains("1985", NationalId.Problem("038185001234", new DateOnly(1986, 4, 2), Sex.Female));
        Assert.Contains("female", NationalId.Problem("038085001234", new DateOnly(1985, 4, 2), Sex.Female));
        Assert.Contains("12 digits", NationalId.Problem("38185001234", null, null));
        Assert.Contains("birth-province", NationalId.Problem("003185001234", null, null));
    }

    [Fact]
    public void NationalId_Create_RoundTrips()
    {
        var id = NationalId.Create("079", 2001, Sex.Female, 42);
        Assert.Equal("079301000042", id);
        Assert.Null(NationalId.Problem(id, new DateOnly(2001, 1, 1), Sex.Female));
    }
}
