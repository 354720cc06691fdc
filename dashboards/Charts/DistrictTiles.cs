namespace Analytics.Dashboards.Charts;

/// <summary>
/// Where each of Chengdu's 20 区(市)县 sits on the tile map (column, row from the top-left), roughly as on a real map:
/// the five central districts together, 郫都/新都/青白江/金堂 in the north, 龙泉驿 and 简阳 to the east,
/// 双流/新津 to the south, 温江/崇州/大邑/邛崃/蒲江 to the west and south-west, 都江堰/彭州 to the north-west.
/// Keyed by the 6-digit code (names may change, codes do not). Other codes (new districts, other cities) go in rows below.
/// </summary>
internal static class DistrictTiles
{
    public const int Columns = 7;

    private static readonly IReadOnlyDictionary<string, (int Column, int Row)> Chengdu = new Dictionary<string, (int, int)>
    {
        ["510182"] = (2, 0), // 彭州市
        ["510114"] = (3, 0), // 新都区
        ["510113"] = (4, 0), // 青白江区
        ["510121"] = (5, 0), // 金堂县
        ["510181"] = (1, 1), // 都江堰市
        ["510117"] = (2, 1), // 郫都区
        ["510106"] = (3, 1), // 金牛区
        ["510108"] = (4, 1), // 成华区
        ["510129"] = (0, 2), // 大邑县
        ["510184"] = (1, 2), // 崇州市
        ["510115"] = (2, 2), // 温江区
        ["510105"] = (3, 2), // 青羊区
        ["510104"] = (4, 2), // 锦江区
        ["510112"] = (5, 2), // 龙泉驿区
        ["510183"] = (0, 3), // 邛崃市
        ["510116"] = (2, 3), // 双流区
        ["510107"] = (3, 3), // 武侯区
        ["510185"] = (6, 3), // 简阳市
        ["510131"] = (1, 4), // 蒲江县
        ["510118"] = (2, 4), // 新津区
    };

    private const int ChengduRows = 5;

    /// <summary>Each code's tile; codes off the Chengdu layout fill rows below it in code order.</summary>
    public static IReadOnlyDictionary<string, (int Column, int Row)> Place(IEnumerable<string> codes)
    {
        var placed = new Dictionary<string, (int, int)>(StringComparer.Ordinal);
        var others = new List<string>();
        foreach (var code in codes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (Chengdu.TryGetValue(code, out var at)) placed[code] = at;
            else others.Add(code);
        }
        var firstRow = placed.Count == 0 ? 0 : ChengduRows;
        for (var i = 0; i < others.Count; i++) placed[others[i]] = (i % Columns, firstRow + i / Columns);
        return placed;
    }
}
