namespace Analytics.Dashboards.Charts;

/// <summary>A stable colour per district code, the same on every chart (a fixed palette indexed by the code).</summary>
internal static class DistrictColors
{
    private static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
        "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
        "#e6550d", "#31a354", "#756bb1", "#636363", "#9c9ede", "#cedb9c", "#e7ba52",
    ];

    /// <summary>Chengdu's 区(市)县 codes run 510104..510185 (and 510191 etc. for new districts): the code picks the slot.</summary>
    public static string Hex(string districtCode)
    {
        var n = districtCode.Length >= 6 && int.TryParse(districtCode.AsSpan(districtCode.Length - 3), out var tail) ? tail : Hash(districtCode);
        return Palette[(n % Palette.Length + Palette.Length) % Palette.Length];
    }

    public static ScottPlot.Color Color(string districtCode) => ScottPlot.Color.FromHex(Hex(districtCode));

    public const string CityHex = "#222222";

    private static int Hash(string s)
    {
        var h = 17;
        foreach (var c in s) h = unchecked(h * 31 + c);
        return h;
    }
}
