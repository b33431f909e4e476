namespace BaoPhu.Platform.Identifiers;

/// <summary>
/// The Vietnamese tax code (mã số thuế): ten digits whose last is a check digit over the first nine
/// (weights 31, 29, 23, 19, 17, 13, 7, 5, 3), optionally followed by <c>-NNN</c> for a branch
/// (chi nhánh, đơn vị phụ thuộc) of the enterprise with the ten-digit code.
/// </summary>
public static class TaxCode
{
    private static readonly int[] Weights = [31, 29, 23, 19, 17, 13, 7, 5, 3];

    /// <summary>
    /// The check digit for nine leading digits, or null when none exists: a remainder of 0 would need
    /// the digit 10, so such prefixes are never issued.
    /// </summary>
    public static int? CheckDigit(ReadOnlySpan<char> nineDigits)
    {
        if (nineDigits.Length != 9)
        {
            return null;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            var d = nineDigits[i] - '0';
            if (d is < 0 or > 9)
            {
                return null;
            }

            sum += d * Weights[i];
        }

        var check = 10 - (sum % 11);
        return check == 10 ? null : check;
    }

    /// <summary>True for ten digits with the right check digit, or that followed by '-' and three digits.</summary>
    public static bool IsValid(ReadOnlySpan<char> code)
    {
        if (code.Length == 14)
        {
            if (code[10] != '-' || !IsDigits(code[11..]))
            {
                return false;
            }

            code = code[..10];
        }

        return code.Length == 10 && IsDigits(code[9..]) && CheckDigit(code[..9]) == code[9] - '0';
    }

    /// <summary>The ten-digit enterprise code of a code, without its branch suffix.</summary>
    public static string Enterprise(string code) => code.Length > 10 ? code[..10] : code;

    /// <summary>Why <paramref name="code"/> is not a tax code, in both languages; null when it is one.</summary>
    public static string? Problem(ReadOnlySpan<char> code)
    {
        var main = code.Length > 10 ? code[..10] : code;
        if ((code.Length != 10 && code.Length != 14) || !IsDigits(main) || (code.Length == 14 && (code[10] != '-' || !IsDigits(code[11..]))))
        {
            return "Mã số thuế phải gồm 10 chữ số, có thể kèm '-' và 3 chữ số của chi nhánh / A tax code is 10 digits, optionally followed by '-' and 3 branch digits";
        }

        return CheckDigit(main[..9]) == main[9] - '0'
            ? null
            : "Chữ số kiểm tra của mã số thuế không đúng / The tax code's check digit is wrong";
    }

    /// <summary>A valid ten-digit code from nine leading digits, or null when those have no check digit.</summary>
    public static string? Complete(string nineDigits) =>
        CheckDigit(nineDigits) is { } check ? nineDigits + (char)('0' + check) : null;

    private static bool IsDigits(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }
}
