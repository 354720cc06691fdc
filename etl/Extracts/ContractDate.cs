namespace Analytics.Etl.Extracts;

/// <summary>
/// The date forms the contract accepts: 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, 20230501
/// (month and day with one or two digits where a separator is used). Anything else is a bad value.
/// Parsed by hand from the characters: no regular expression, no allocation.
/// </summary>
internal static class ContractDate
{
    public const string AcceptedFormsZh = "2023-05-01、2023/5/1、2023.5.1、2023年5月1日 或 20230501";
    public const string AcceptedFormsEn = "2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日 or 20230501";

    /// <summary>Parses a cell as it comes (cleaned first: spaces trimmed, full-width digits made ASCII).</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out DateOnly date)
    {
        if (text.Length > 64)
        {
            date = default;
            return false;
        }

        Span<char> copy = stackalloc char[text.Length];
        text.CopyTo(copy);
        return TryParseClean(CellText.CleanInPlace(copy), out date);
    }

    /// <summary>Parses a cell already cleaned by <see cref="CellText.CleanInPlace"/> (the loader's cells are).</summary>
    public static bool TryParseClean(ReadOnlySpan<char> value, out DateOnly date)
    {
        date = default;
        if (value.Length < 8 || !TryDigits(value[..4], out var year)) return false;
        int month, day;
        if (value.Length == 8 && CellText.IsAsciiDigits(value))
        {
            if (!TryDigits(value.Slice(4, 2), out month) || !TryDigits(value.Slice(6, 2), out day)) return false;
        }
        else
        {
            var rest = value[4..];
            var separator = rest[0];
            char closing;
            switch (separator)
            {
                case '-' or '/' or '.':
                    closing = '\0';
                    break;
                case '年':
                    closing = '日';
                    break;
                default:
                    return false;
            }

            rest = rest[1..];
            if (!TryNumber(ref rest, out month) || rest.IsEmpty) return false;
            if (rest[0] != (separator == '年' ? '月' : separator)) return false;
            rest = rest[1..];
            if (!TryNumber(ref rest, out day)) return false;
            if (closing != '\0' ? !(rest.Length == 1 && rest[0] == closing) : !rest.IsEmpty) return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return false;
        date = new DateOnly(year, month, day);
        return true;
    }

    /// <summary>One or two ASCII digits at the start of <paramref name="text"/>, consumed.</summary>
    private static bool TryNumber(ref ReadOnlySpan<char> text, out int value)
    {
        var length = 0;
        while (length < text.Length && length < 3 && char.IsAsciiDigit(text[length])) length++;
        if (length is 0 or 3)
        {
            value = 0;
            return false;
        }

        TryDigits(text[..length], out value);
        text = text[length..];
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> digits, out int value)
    {
        value = 0;
        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c)) return false;
            value = value * 10 + (c - '0');
        }

        return true;
    }
}
