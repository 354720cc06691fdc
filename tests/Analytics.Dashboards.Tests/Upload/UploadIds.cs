namespace Analytics.Dashboards.Tests.Upload;

/// <summary>Valid GB 11643 ID numbers for the upload tests (MOD 11-2 check character).</summary>
internal static class UploadIds
{
    public static string Make(DateOnly birth, int sequence, string area = "510104")
    {
        var first17 = $"{area}{birth:yyyyMMdd}{sequence:000}";
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var weight = 1;
            for (var k = 0; k < 17 - i; k++) weight = weight * 2 % 11;
            sum += (first17[i] - '0') * weight;
        }
        return first17 + "10X98765432"[sum % 11];
    }

    /// <summary>A roster row as the template's columns take it (dates as dates, the supplement as a number).</summary>
    public static IReadOnlyList<object?> RosterRow(DateOnly asOf, int n, string name, string unit, string post = "社会工作专业岗位") =>
        [asOf, Make(new DateOnly(1985, 1, 1).AddDays(n * 11), n), name, null, unit, post, "专职", null, new DateOnly(2020, 3, 1), null, "存量转岗", "本科", "社会工作", 400];
}
