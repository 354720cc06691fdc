namespace Analytics.Etl.DemoData;

internal sealed record DemoQuota(int Year, string UnitCode, int Requested, int? Approved);

internal sealed record DemoSite(string Name, string UnitCode, int Year, string Category);

/// <summary>The planners' extracts: professional-post quotas requested and approved, and the demonstration sites.</summary>
internal static class PlanningExtractsBuilder
{
    private static readonly HashSet<string> SitesLagging = new(StringComparer.Ordinal) { "510121", "510131" }; // 金堂县, 蒲江县

    /// <summary>Per year and district: the posts its plan adds that year plus some slack; a few towns ask for service-centre posts.
    /// The --to year is not yet approved.</summary>
    public static List<DemoQuota> Quotas(DemoOrgRegister org, int from, int to, DemoRandom random)
    {
        var rows = new List<DemoQuota>();
        for (var year = from; year <= to; year++)
        {
            int hEnd = HalfYears.Of(new DateOnly(year, 12, 31)), hPrev = hEnd - 2;
            var dateEnd = HalfYears.End(hEnd);
            for (var d = 0; d < org.Districts.Count; d++)
            {
                var added = org.Units.Where(u => u.District == d && !u.IsTown && u.IsActive(dateEnd))
                    .Sum(u => Math.Max(0, u.Desired(hEnd) - u.Desired(hPrev)));
                var requested = added + random.Between(2, 12);
                rows.Add(new DemoQuota(year, org.Districts[d].Code, requested, Approved(year, to, requested, random)));
            }
            foreach (var town in org.Towns.Where(t => random.Chance(0.08)))
                rows.Add(new DemoQuota(year, town.Code, 1, Approved(year, to, 1, random)));
        }
        return rows;
    }

    private static int? Approved(int year, int to, int requested, DemoRandom random) =>
        year == to ? null : (int)Math.Round(requested * (0.7 + 0.3 * random.NextDouble()));

    /// <summary>示范点 at towns and communities (central 区 reach two early; 金堂县 and 蒲江县 lag), and projects of the other categories.</summary>
    public static List<DemoSite> Sites(DemoOrgRegister org, int to, DemoRandom random)
    {
        var rows = new List<DemoSite>();
        for (var d = 0; d < org.Districts.Count; d++)
        {
            var district = org.Districts[d];
            var towns = org.Units.Where(u => u.IsTown && u.District == d).ToList();
            var urban = district.Kind is "区" or "新区";
            var lagging = district.Real ? SitesLagging.Contains(district.Code) : district.Pace == DistrictPace.Lagging;
            List<int> years = lagging ? [2024]
                : district.Tier == DistrictTier.Central ? [random.Between(2018, 2020), random.Between(2020, 2021), random.Between(2023, 2025)]
                : urban && district.Pace == DistrictPace.Late ? [random.Between(2019, 2021), 2023]
                : urban ? [random.Between(2018, 2020), random.Between(2021, 2022)]
                : [random.Between(2019, 2022), random.Between(2024, 2026)];
            var siteTowns = new List<DemoUnit>(towns);
            foreach (var year in years.Where(y => y <= to))
            {
                var town = siteTowns.Count > 1 ? siteTowns[random.Next(siteTowns.Count)] : siteTowns[0];
                siteTowns.Remove(town);
                rows.Add(new DemoSite($"{district.Name}{town.Name}社区社会工作服务示范点", town.Code, year, "示范点"));
            }
            var projects = random.Between(2, 5);
            for (var p = 0; p < projects; p++)
            {
                var year = random.Between(Math.Min(2019, to), to);
                var category = random.Pick(["示范项目", "试点项目", "微项目"]);
                var members = org.TownMembers[random.Pick(towns).Index].Select(i => org.Units[i])
                    .Where(u => u.IsActive(new DateOnly(year, 12, 31))).ToList();
                var unit = members.Count > 0 ? random.Pick(members) : towns[0];
                var name = d == 0 && p == 0
                    ? $"{unit.Name}\"五社联动\"{category}, 第一批" // exercises RFC 4180 quoting (comma and quotes)
                    : $"{unit.Name}{random.Pick(["一老一小", "邻里守望", "困境儿童关爱", "社区营造", "助残服务"])}{category}";
                rows.Add(new DemoSite(name, unit.Code, year, category));
            }
        }
        return rows;
    }
}
