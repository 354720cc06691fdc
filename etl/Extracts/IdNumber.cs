using System.Text.RegularExpressions;

namespace Analytics.Etl.Extracts;

/// <summary>Resident ID numbers (GB 11643): 17 digits and an ISO 7064 MOD 11-2 check character, or a 15-digit old number.</summary>
internal static partial class IdNumber
{
    public const string Column = "身份证号";

    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";

    /// <summary>
    /// Normalises (trim, full-width to ASCII, x to X, 15 digits upgraded) and validates. Reasons never quote the
    /// number itself: the ID number must not reach the warehouse in clear, not even inside a quarantine reason.
    /// </summary>
    public static bool TryNormalise(ReadOnlySpan<char> raw, out string id18, out RowProblem? problem)
    {
        Span<char> copy = stackalloc char[Math.Min(raw.Length, 64)];
        raw[..copy.Length].CopyTo(copy);
        var value = raw.Length > 64 ? raw : CellText.CleanInPlace(copy);
        return TryNormaliseClean(value, out id18, out problem);
    }

    /// <summary>As <see cref="TryNormalise"/> for a cell already cleaned (the loader's cells are); allocates only the result.</summary>
    public static bool TryNormaliseClean(ReadOnlySpan<char> value, out string id18, out RowProblem? problem)
    {
        id18 = string.Empty;
        if (value.IsEmpty)
        {
            problem = new RowProblem(Column, "身份证号为空：必须填写。", "The ID number (id_number) is empty: it is required.");
            return false;
        }

        if (value.Length == 15 && CellText.IsAsciiDigits(value)) return TryUpgrade(value, out id18, out problem);
        if (value.Length != 18 || !CellText.IsAsciiDigits(value[..17]) || !(char.IsAsciiDigit(value[17]) || value[17] is 'X' or 'x'))
        {
            problem = Malformed(value);
            return false;
        }

        if (!IsBirthDate(value.Slice(6, 8)))
        {
            problem = BadBirthDate();
            return false;
        }

        var expected = CheckCharOf(value[..17]);
        var found = char.ToUpperInvariant(value[17]);
        if (found != expected)
        {
            problem = new RowProblem(Column,
                $"身份证号校验位错误：应为 {expected}，实为 {found}。请核对号码。",
                $"ID number check character is wrong: expected {expected}, found {found}. Please check the number.");
            return false;
        }

        id18 = value[17] == 'x' ? string.Concat(value[..17], "X") : value.ToString();
        problem = null;
        return true;
    }

    /// <summary>The ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckCharOf(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>"男" when the 17th digit is odd, "女" when it is even.</summary>
    public static string GenderOf(string id18) => (id18[16] - '0') % 2 == 1 ? "男" : "女";

    /// <summary>The birth year (characters 7–10) of a normalised number.</summary>
    public static int BirthYearOf(string id18) => int.Parse(id18.AsSpan(6, 4), System.Globalization.CultureInfo.InvariantCulture);

    private static bool TryUpgrade(ReadOnlySpan<char> id15, out string id18, out RowProblem? problem)
    {
        Span<char> first17 = stackalloc char[18];
        id15[..6].CopyTo(first17);
        first17[6] = '1';
        first17[7] = '9';
        id15[6..].CopyTo(first17[8..]);
        if (!IsBirthDate(first17.Slice(6, 8)))
        {
            id18 = string.Empty;
            problem = BadBirthDate();
            return false;
        }

        first17[17] = CheckCharOf(first17);
        id18 = new string(first17);
        problem = null;
        return true;
    }

    /// <summary>yyyyMMdd, a real date from 1800 on.</summary>
    private static bool IsBirthDate(ReadOnlySpan<char> yyyymmdd)
    {
        var year = (yyyymmdd[0] - '0') * 1000 + (yyyymmdd[1] - '0') * 100 + (yyyymmdd[2] - '0') * 10 + (yyyymmdd[3] - '0');
        var month = (yyyymmdd[4] - '0') * 10 + (yyyymmdd[5] - '0');
        var day = (yyyymmdd[6] - '0') * 10 + (yyyymmdd[7] - '0');
        return year >= 1800 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static RowProblem Malformed(ReadOnlySpan<char> value)
    {
        if (ExcelNumber().IsMatch(value))
        {
            return new RowProblem(Column,
                "身份证号被 Excel 当成数字保存（如 5.10104E+17 或带 .0），后几位已经丢失：请把该列设置为“文本”格式，重新填入号码后再导出。",
                "The ID number was saved by Excel as a number (like 5.10104E+17 or with .0) and its last digits are lost: "
                + "format the column as Text, re-enter the numbers and export again.");
        }

        return new RowProblem(Column,
            $"身份证号格式不对：应为 18 位（17 位数字加 1 位数字或 X）或 15 位数字，实为 {value.Length} 个字符。",
            $"The ID number is malformed: it must be 18 characters (17 digits and a digit or X) or 15 digits; it has {value.Length} characters.");
    }

    private static RowProblem BadBirthDate() => new(Column,
        "身份证号中的出生日期（第 7–14 位）不是真实存在的日期：请核对号码。",
        "The birth date inside the ID number (characters 7–14) is not a real date: please check the number.");

    /// <summary>What Excel or a float conversion makes of a long number: 5.10104E+17, 5.10104199001011E17, 510104199001011000.0.</summary>
    [GeneratedRegex(@"^[0-9]+(\.[0-9]*)?[eE][+]?[0-9]+$|^[0-9]{6,}\.[0-9]+$")]
    private static partial Regex ExcelNumber();
}
