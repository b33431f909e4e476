using BaoPhu.Platform.Tabular;

namespace BaoPhu.Platform.Tests;

/// <summary>The value formats of FEEDS.md: what each parser takes, and what it refuses with which reason.</summary>
public sealed class TabularValuesTests
{
    [Theory]
    [InlineData("2025", 2025)]
    [InlineData(" 1900 ", 1900)]
    [InlineData("2100", 2100)]
    public void TryYear_WhenFourDigitsInRange_Accepts(string text, int expected)
    {
        Assert.True(TabularValues.TryYear(text, out var year));
        Assert.Equal(expected, year);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("25")]
    [InlineData("1899")]
    [InlineData("2101")]
    [InlineData("2025.0")]
    [InlineData("+2025")]
    [InlineData("２０２５")]
    [InlineData("2025-03")]
    public void TryYear_WhenNotAPlainYear_Refuses(string? text)
    {
        Assert.False(TabularValues.TryYear(text, out _));
    }

    [Theory]
    [InlineData("2025-03", 2025, 3)]
    [InlineData("2025-3", 2025, 3)]
    [InlineData("2025-12", 2025, 12)]
    [InlineData("2025-03-01", 2025, 3)]
    public void TryPeriod_WhenYearMonthOrFirstOfMonth_Accepts(string text, int expectedYear, int expectedMonth)
    {
        Assert.True(TabularValues.TryPeriod(text, out var year, out var month));
        Assert.Equal((expectedYear, expectedMonth), (year, month));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025")]
    [InlineData("2025-13")]
    [InlineData("2025-0")]
    [InlineData("2025-003")]
    [InlineData("25-03")]
    [InlineData("03/2025")]
    [InlineData("2025-03-15")]
    [InlineData("2025-03-01-01")]
    public void TryPeriod_WhenNotAMonth_Refuses(string? text)
    {
        Assert.False(TabularValues.TryPeriod(text, out var year, out var month));
        Assert.Equal((0, 0), (year, month));
    }

    [Theory]
    [InlineData("2025-07-01")]
    [InlineData("2025-7-1")]
    [InlineData("01/07/2025")]
    [InlineData("1/7/2025")]
    [InlineData(" 01/07/2025 ")]
    public void TryDate_WhenIsoOrVietnameseOrder_Accepts(string text)
    {
        Assert.True(TabularValues.TryDate(text, out var date));
        Assert.Equal(new DateOnly(2025, 7, 1), date);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("2025-02-29")]
    [InlineData("31/04/2025")]
    [InlineData("07-01-2025")]
    [InlineData("2025/07/01")]
    [InlineData("01/07/25")]
    [InlineData("1899-12-31")]
    [InlineData("2025-07-01 14:30:00")]
    [InlineData("45839")]
    public void TryDate_WhenNotARealDateInAnAcceptedForm_Refuses(string? text)
    {
        Assert.False(TabularValues.TryDate(text, out _));
    }

    [Theory]
    [InlineData("15890", "15890")]
    [InlineData("15890.0", "15890")]
    [InlineData("97.7", "97.7")]
    [InlineData("0", "0")]
    [InlineData("0.125", "0.125")]
    [InlineData("1.2345", "1.2345")]
    [InlineData("15890.000", "15890")]
    [InlineData(" 42 ", "42")]
    public void TryCount_WhenPlainNonNegativeNumber_Accepts(string text, string expected)
    {
        Assert.True(TabularValues.TryCount(text, out var value));
        Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("15.890")]
    [InlineData("1.234")]
    [InlineData("15,890")]
    [InlineData("15 890")]
    [InlineData("1.234.567")]
    [InlineData("97,7")]
    [InlineData("-5")]
    [InlineData("+5")]
    [InlineData("1E5")]
    [InlineData(".5")]
    [InlineData("5.")]
    [InlineData("abc")]
    public void TryCount_WhenSignedSeparatedOrAmbiguous_Refuses(string? text)
    {
        Assert.False(TabularValues.TryCount(text, out _));
    }

    [Theory]
    [InlineData("1500000", 1_500_000)]
    [InlineData("1500000.0", 1_500_000)]
    [InlineData("0", 0)]
    [InlineData("9223372036854775807", long.MaxValue)]
    public void TryMoney_WhenWholeVnd_Accepts(string text, long expected)
    {
        Assert.True(TabularValues.TryMoney(text, out var vnd));
        Assert.Equal(expected, vnd);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("1.500.000")]
    [InlineData("1,500,000")]
    [InlineData("1.500")]
    [InlineData("1500.5")]
    [InlineData("-1500")]
    [InlineData("9223372036854775808")]
    public void TryMoney_WhenNotWholeVndInPlainDigits_Refuses(string? text)
    {
        Assert.False(TabularValues.TryMoney(text, out _));
    }

    [Fact]
    public void CountMessage_WhenThousandsSeparated_ExplainsTheAmbiguity()
    {
        var message = TabularValues.CountMessage("15.890");

        Assert.Contains("Không ghi dấu phân cách hàng nghìn: '15.890'", message);
        Assert.Contains(" / Write numbers without thousands separators: '15.890'", message);
    }

    [Theory]
    [InlineData(null, "Thiếu giá trị / The value is missing")]
    [InlineData("-3", "Số không được âm / The number must not be negative")]
    [InlineData("abc", "Phải là một số không âm")]
    public void CountMessage_ForEachKindOfRefusal_SaysWhy(string? text, string expected)
    {
        Assert.Contains(expected, TabularValues.CountMessage(text));
    }

    [Fact]
    public void MoneyMessage_WhenFractional_SaysWholeVnd()
    {
        Assert.Contains("whole VND", TabularValues.MoneyMessage("1500.5"));
        Assert.Contains("thousands separators", TabularValues.MoneyMessage("1.500.000"));
    }

    [Fact]
    public void Messages_ForYearPeriodAndDate_AreBilingual()
    {
        Assert.Contains(" / The year must be", TabularValues.YearMessage("20x5"));
        Assert.Contains(" / The period must be yyyy-MM", TabularValues.PeriodMessage("2025"));
        Assert.Contains(" / The date must be", TabularValues.DateMessage("31/02/2025"));
        Assert.Equal("Thiếu giá trị / The value is missing", TabularValues.DateMessage(" "));
    }
}
