namespace Analytics.Tests.Extracts;

/// <summary>
/// Valid resident ID numbers for tests, computed independently of the production code: the GB 11643 weight of
/// position i (0-based, of 17) is 2^(17-i) mod 11, and the check character is "10X98765432"[sum mod 11].
/// Reusable by any test that needs people.
/// </summary>
internal static class TestIds
{
    /// <summary>An 18-character ID: area, birth date, 3-digit sequence (odd last digit = 男, even = 女), check character.</summary>
    public static string Make(DateOnly birth, int sequence = 123, string area = "510104")
    {
        var first17 = $"{area}{birth:yyyyMMdd}{sequence:000}";
        return first17 + CheckChar(first17);
    }

    /// <summary>A man's (odd sequence) or woman's (even sequence) ID number, distinct per <paramref name="n"/> (0..499).</summary>
    public static string Person(int n, bool male = true) =>
        Make(new DateOnly(1980, 1, 1).AddDays(n * 7), sequence: n % 500 * 2 + (male ? 1 : 0));

    public static char CheckChar(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = 1;
            for (var k = 0; k < 17 - i; k++)
            {
                weight = weight * 2 % 11;
            }

            sum += (first17[i] - '0') * weight;
        }

        return "10X98765432"[sum % 11];
    }

    /// <summary>The same ID with a wrong check character (and the right one, for the expected message).</summary>
    public static (string Id, char Expected, char Found) WithWrongCheckChar(string id18)
    {
        var expected = id18[17];
        var found = expected == '3' ? '4' : '3';
        return (id18[..17] + found, expected, found);
    }

    /// <summary>Full-width form of an ASCII ID number, as typed with a Chinese input method: ５１０１０４…Ｘ.</summary>
    public static string FullWidth(string ascii) => new(ascii.Select(c => c is >= '!' and <= '~' ? (char)(c - '!' + '！') : c).ToArray());
}
