namespace Analytics.Etl.DemoData;

/// <summary>How urban a district is: decides town kinds, community/village mix and starting capacity.</summary>
internal enum DistrictTier { Central, Suburban, Outer }

/// <summary>How fast a district fills its professional posts: the story the dashboard tells.</summary>
internal enum DistrictPace { Early, Narrow, Late, Lagging }

/// <summary>One 区(市)县. Real ones carry their real code, name and kind; synthetic ones (province scale) say so in the name.</summary>
internal sealed record DemoDistrict(string Code, string Name, string Kind, DistrictTier Tier, int Towns, DistrictPace Pace, bool Real);

/// <summary>The 20 real 区(市)县 of Chengdu (codes and kinds are real; town counts approximate), and synthetic extras.</summary>
internal static class DemoDistricts
{
    public static readonly IReadOnlyList<DemoDistrict> Chengdu =
    [
        new("510104", "锦江区", "区", DistrictTier.Central, 11, DistrictPace.Early, true),
        new("510105", "青羊区", "区", DistrictTier.Central, 11, DistrictPace.Narrow, true),
        new("510106", "金牛区", "区", DistrictTier.Central, 13, DistrictPace.Early, true),
        new("510107", "武侯区", "区", DistrictTier.Central, 13, DistrictPace.Narrow, true),
        new("510108", "成华区", "区", DistrictTier.Central, 11, DistrictPace.Early, true),
        new("510112", "龙泉驿区", "区", DistrictTier.Suburban, 12, DistrictPace.Narrow, true),
        new("510113", "青白江区", "区", DistrictTier.Suburban, 9, DistrictPace.Late, true),
        new("510114", "新都区", "区", DistrictTier.Suburban, 13, DistrictPace.Narrow, true),
        new("510115", "温江区", "区", DistrictTier.Suburban, 9, DistrictPace.Early, true),
        new("510116", "双流区", "区", DistrictTier.Suburban, 10, DistrictPace.Narrow, true),
        new("510117", "郫都区", "区", DistrictTier.Suburban, 12, DistrictPace.Narrow, true),
        new("510118", "新津区", "区", DistrictTier.Suburban, 8, DistrictPace.Late, true),
        new("510121", "金堂县", "县", DistrictTier.Outer, 19, DistrictPace.Lagging, true),
        new("510129", "大邑县", "县", DistrictTier.Outer, 12, DistrictPace.Late, true),
        new("510131", "蒲江县", "县", DistrictTier.Outer, 9, DistrictPace.Lagging, true),
        new("510181", "都江堰市", "市", DistrictTier.Outer, 12, DistrictPace.Narrow, true),
        new("510182", "彭州市", "市", DistrictTier.Outer, 14, DistrictPace.Narrow, true),
        new("510183", "邛崃市", "市", DistrictTier.Outer, 15, DistrictPace.Late, true),
        new("510184", "崇州市", "市", DistrictTier.Outer, 15, DistrictPace.Narrow, true),
        new("510185", "简阳市", "市", DistrictTier.Outer, 30, DistrictPace.Lagging, true),
    ];

    /// <summary>Address codes used in synthetic ID numbers besides the districts' own (other places in Sichuan).</summary>
    public static readonly IReadOnlyList<string> OtherAddressCodes =
        ["510302", "510402", "510502", "510603", "510703", "510802", "510903", "511002", "511102", "511302", "511402", "511502", "511602", "511702", "511802", "511902", "512002", "513401"];

    /// <summary>The districts of a scale: the real 20 for "city"; about ten times as many units for "province".</summary>
    public static IReadOnlyList<DemoDistrict> ForScale(string scale, DemoRandom random)
    {
        if (scale != DemoDataOptions.Province) return Chengdu;
        var all = new List<DemoDistrict>(Chengdu);
        string[] prefixes = ["5106", "5107", "5108", "5109", "5110", "5111", "5113", "5114", "5115", "5116", "5117", "5118", "5119", "5120"];
        var perPrefix = new int[prefixes.Length];
        for (var i = 0; i < 180; i++)
        {
            var p = i % prefixes.Length;
            var n = perPrefix[p]++;
            var tier = (DistrictTier)random.Weighted([0.15, 0.35, 0.5]);
            var (kind, suffix) = i % 40 == 7 ? ("新区", 60 + n) : tier switch
            {
                DistrictTier.Outer when n % 2 == 0 => ("县", 21 + n),
                DistrictTier.Outer => ("市", 81 + n),
                _ => ("区", 2 + n),
            };
            var pace = (DistrictPace)random.Weighted([0.2, 0.45, 0.2, 0.15]);
            var towns = tier == DistrictTier.Central ? random.Between(9, 14) : random.Between(9, 18);
            var code = prefixes[p] + suffix.ToString("D2", System.Globalization.CultureInfo.InvariantCulture);
            all.Add(new DemoDistrict(code, $"演示{i + 1:D3}{kind}", kind, tier, towns, pace, false));
        }
        return all;
    }
}
