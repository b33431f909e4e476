namespace BaoPhu.Platform.Time;

/// <summary>
/// Business dates are Vietnamese dates: "today" is the day in Hà Nội (UTC+7), whatever the server's
/// own zone, so a report run at 06:00 local time on a UTC server does not fall on the day before.
/// </summary>
public static class VietnamTime
{
    private static readonly TimeZoneInfo Zone = Find();

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    /// <summary>A stored UTC time as the clock in Hà Nội showed it, for pages.</summary>
    public static DateTime ToVietnamTime(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    private static TimeZoneInfo Find()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Ho_Chi_Minh");
        }
        catch (TimeZoneNotFoundException)
        {
            // Without tzdata the fixed offset is exact: Vietnam has kept UTC+7 without daylight saving since 1975.
            return TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "Indochina Time", "Indochina Time");
        }
    }
}
