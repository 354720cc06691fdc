using System.Globalization;
using System.Text.RegularExpressions;

namespace Analytics.Etl.Extracts;

/// <summary>
/// The date forms the contract accepts: 2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日, 20230501
/// (month and day with one or two digits where a separator is used). Anything else is a bad value.
/// </summary>
internal static partial class ContractDate
{
    public const string AcceptedFormsZh = "2023-05-01、2023/5/1、2023.5.1、2023年5月1日 或 20230501";
    public const string AcceptedFormsEn = "2023-05-01, 2023/5/1, 2023.5.1, 2023年5月1日 or 20230501";

    public static bool TryParse(string text, out DateOnly date)
    {
        date = default;
        var value = CellText.Normalise(text);
        var match = Separated().Match(value);
        if (!match.Success)
        {
            match = Chinese().Match(value);
        }

        if (!match.Success)
        {
            match = Compact().Match(value);
        }

        if (!match.Success)
        {
            return false;
        }

        var year = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateOnly(year, month, day);
        return true;
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<sep>[-/.])(?<m>[0-9]{1,2})\k<sep>(?<d>[0-9]{1,2})$")]
    private static partial Regex Separated();

    [GeneratedRegex(@"^(?<y>[0-9]{4})年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日$")]
    private static partial Regex Chinese();

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})$")]
    private static partial Regex Compact();
}
