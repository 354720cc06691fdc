namespace Analytics.Etl.DemoData;

/// <summary>
/// Makes synthetic 18-digit resident ID numbers (GB 11643): a 6-digit address code, the real birth date,
/// a 3-digit sequence (odd = male, even = female) and the ISO 7064 MOD 11-2 check character. Never repeats one.
/// </summary>
internal sealed class ResidentIdFactory(DemoRandom random, IReadOnlyList<string> addressCodes)
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckChars = "10X98765432";
    private readonly HashSet<string> _issued = new(StringComparer.Ordinal);

    public string Next(DateOnly birthDate, bool male)
    {
        while (true)
        {
            var sequence = random.Between(0, 499) * 2 + (male ? 1 : 0);
            var body = random.Pick(addressCodes) + birthDate.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)
                + sequence.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
            var id = body + CheckChar(body);
            if (_issued.Add(id)) return id;
        }
    }

    public static char CheckChar(string first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return CheckChars[sum % 11];
    }

    /// <summary>The same number with a wrong check character (a typing slip), for the deliberately bad rows.</summary>
    public static string WithWrongCheckChar(string id)
    {
        var good = id[17];
        var wrong = good == '9' ? '8' : good == 'X' ? '1' : (char)(good + 1 > '9' ? '0' : good + 1);
        return id[..17] + wrong;
    }
}
