using System.Globalization;
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
    public static bool TryNormalise(string raw, out string id18, out RowProblem? problem)
    {
        id18 = string.Empty;
        var value = CellText.Normalise(raw);
        if (value.Length == 0)
        {
            problem = new RowProblem(Column, "身份证号为空：必须填写。", "The ID number (id_number) is empty: it is required.");
            return false;
        }

        if (ExcelNumber().IsMatch(value))
        {
            problem = new RowProblem(Column,
                "身份证号被 Excel 当成数字保存（如 5.10104E+17 或带 .0），后几位已经丢失：请把该列设置为“文本”格式，重新填入号码后再导出。",
                "The ID number was saved by Excel as a number (like 5.10104E+17 or with .0) and its last digits are lost: "
                + "format the column as Text, re-enter the numbers and export again.");
            return false;
        }

        var upper = value.ToUpperInvariant();
        if (upper.Length == 15 && CellText.IsAsciiDigits(upper))
        {
            return TryUpgrade(upper, out id18, out problem);
        }

        if (upper.Length != 18 || !CellText.IsAsciiDigits(upper[..17]) || !(char.IsAsciiDigit(upper[17]) || upper[17] == 'X'))
        {
            problem = new RowProblem(Column,
                $"身份证号格式不对：应为 18 位（17 位数字加 1 位数字或 X）或 15 位数字，实为 {upper.Length} 个字符。",
                $"The ID number is malformed: it must be 18 characters (17 digits and a digit or X) or 15 digits; it has {upper.Length} characters.");
            return false;
        }

        if (!TryBirthDate(upper.Substring(6, 8), out _))
        {
            problem = BadBirthDate();
            return false;
        }

        var expected = CheckCharOf(upper[..17]);
        if (upper[17] != expected)
        {
            problem = new RowProblem(Column,
                $"身份证号校验位错误：应为 {expected}，实为 {upper[17]}。请核对号码。",
                $"ID number check character is wrong: expected {expected}, found {upper[17]}. Please check the number.");
            return false;
        }

        id18 = upper;
        problem = null;
        return true;
    }

    /// <summary>The ISO 7064 MOD 11-2 check character of the first 17 digits.</summary>
    public static char CheckCharOf(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += (first17[i] - '0') * Weights[i];
        }

        return CheckChars[sum % 11];
    }

    /// <summary>"男" when the 17th digit is odd, "女" when it is even.</summary>
    public static string GenderOf(string id18) => (id18[16] - '0') % 2 == 1 ? "男" : "女";

    public static DateOnly BirthDateOf(string id18) =>
        TryBirthDate(id18.Substring(6, 8), out var date)
            ? date
            : throw new ArgumentException("Not a normalised ID number (the birth date is not a real date).", nameof(id18));

    private static bool TryUpgrade(string id15, out string id18, out RowProblem? problem)
    {
        id18 = string.Empty;
        var first17 = id15[..6] + "19" + id15[6..];
        if (!TryBirthDate(first17.Substring(6, 8), out _))
        {
            problem = BadBirthDate();
            return false;
        }

        id18 = first17 + CheckCharOf(first17);
        problem = null;
        return true;
    }

    private static bool TryBirthDate(string yyyymmdd, out DateOnly date) =>
        DateOnly.TryParseExact(yyyymmdd, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year >= 1800;

    private static RowProblem BadBirthDate() => new(Column,
        "身份证号中的出生日期（第 7–14 位）不是真实存在的日期：请核对号码。",
        "The birth date inside the ID number (characters 7–14) is not a real date: please check the number.");

    /// <summary>What Excel or a float conversion makes of a long number: 5.10104E+17, 5.10104199001011E17, 510104199001011000.0.</summary>
    [GeneratedRegex(@"^[0-9]+(\.[0-9]*)?[eE][+]?[0-9]+$|^[0-9]{6,}\.[0-9]+$")]
    private static partial Regex ExcelNumber();
}
