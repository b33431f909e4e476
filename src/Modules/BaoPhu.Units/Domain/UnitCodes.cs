namespace BaoPhu.Units.Domain;

/// <summary>GSO code shapes: province 2 digits, district 3, commune 5; villages are local and longer.</summary>
public static class UnitCodes
{
    public static int LengthOf(UnitLevel level) => level switch
    {
        UnitLevel.Province => 2,
        UnitLevel.District => 3,
        UnitLevel.Commune => 5,
        _ => 0,
    };

    public static bool IsValid(string? code, UnitLevel level)
    {
        if (string.IsNullOrEmpty(code) || !code.All(char.IsAsciiDigit))
        {
            return false;
        }

        var length = LengthOf(level);
        return length == 0 ? code.Length > 5 : code.Length == length;
    }

    /// <summary>The level a code's length implies, or null for a malformed code.</summary>
    public static UnitLevel? LevelOf(string? code) =>
        code is null || !code.All(char.IsAsciiDigit) ? null : code.Length switch
        {
            2 => UnitLevel.Province,
            3 => UnitLevel.District,
            5 => UnitLevel.Commune,
            _ => null,
        };

    internal static void EnsureValid(string code, UnitLevel level)
    {
        if (!IsValid(code, level))
        {
            throw new ArgumentException($"'{code}' is not a valid {level} code ({LengthOf(level)} digits).", nameof(code));
        }
    }
}
