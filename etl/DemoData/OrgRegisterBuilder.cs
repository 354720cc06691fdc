using System.Globalization;

namespace Analytics.Etl.DemoData;

/// <summary>
/// Builds the synthetic 镇(街道) and 社区/建制村 under the districts (valid code structure: town suffix 001–099 街道,
/// 100–199 镇, 200–299 乡; community suffix 001–199 社区, 200–399 建制村), the 2020 merger, and each unit's post plan.
/// </summary>
internal static class OrgRegisterBuilder
{
    public static DemoOrgRegister Build(IReadOnlyList<DemoDistrict> districts, DemoRandom random, bool withMerger)
    {
        var units = new List<DemoUnit>();
        var register = new DemoOrgRegister(districts, units);
        for (var d = 0; d < districts.Count; d++) AddTowns(register, d, random);
        if (withMerger)
            for (var d = 0; d < districts.Count; d++) Merge(register, d, random);
        foreach (var unit in units) PostPlanner.Plan(unit, districts[unit.District], random);
        return register;
    }

    private static void AddTowns(DemoOrgRegister register, int d, DemoRandom random)
    {
        var district = register.Districts[d];
        var townNames = new HashSet<string>(StringComparer.Ordinal);
        int streets = 0, towns = 0, townships = 0;
        for (var t = 0; t < district.Towns; t++)
        {
            var kind = TownKind(district, t, random);
            var suffix = kind switch { "街道" => 1 + streets++, "镇" => 100 + towns++, _ => 200 + townships++ };
            var code = district.Code + suffix.ToString("D3", CultureInfo.InvariantCulture);
            var town = new DemoUnit
            {
                Index = register.Units.Count, Code = code, Name = ChineseNamePool.PlaceName(random, townNames) + kind,
                Kind = kind, ParentCode = district.Code, District = d, Town = register.Units.Count,
            };
            register.Units.Add(town);
            register.TownMembers[town.Index] = [];
            var (communities, villages) = Members(district.Tier, kind, random);
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < communities + villages; i++)
            {
                var isCommunity = i < communities;
                var memberCode = code + (isCommunity ? 1 + i : 200 + i - communities).ToString("D3", CultureInfo.InvariantCulture);
                AddMember(register, town, memberCode, ChineseNamePool.PlaceName(random, names) + (isCommunity ? "社区" : "村"),
                    isCommunity ? "社区" : "建制村", established: null);
            }
        }
    }

    private static DemoUnit AddMember(DemoOrgRegister register, DemoUnit town, string code, string name, string kind, DateOnly? established)
    {
        var unit = new DemoUnit
        {
            Index = register.Units.Count, Code = code, Name = name, Kind = kind, ParentCode = town.Code,
            District = town.District, Town = town.Index, Established = established,
        };
        register.Units.Add(unit);
        register.TownMembers[town.Index].Add(unit.Index);
        return unit;
    }

    private static string TownKind(DemoDistrict district, int t, DemoRandom random) => district.Tier switch
    {
        DistrictTier.Central => "街道",
        DistrictTier.Suburban => t < district.Towns / 2 ? "街道" : "镇",
        _ => t < 2 ? "街道" : random.Chance(0.8) ? "镇" : "乡",
    };

    private static (int Communities, int Villages) Members(DistrictTier tier, string townKind, DemoRandom random) => (tier, townKind) switch
    {
        (DistrictTier.Central, _) => (random.Between(10, 13), 0),
        (DistrictTier.Suburban, "街道") => (random.Between(8, 12), random.Between(0, 2)),
        (DistrictTier.Suburban, _) => (random.Between(3, 4), random.Between(9, 13)),
        (_, "街道") => (random.Between(7, 10), random.Between(0, 2)),
        (_, "镇") => (random.Between(2, 4), random.Between(10, 14)),
        _ => (random.Between(0, 1), random.Between(7, 10)),
    };

    /// <summary>The 2020 reform: in some towns, pairs of villages (and a few communities) merge into a new unit.</summary>
    private static void Merge(DemoOrgRegister register, int d, DemoRandom random)
    {
        var district = register.Districts[d];
        var date = new DateOnly(2020, 7, 1).AddDays(random.Between(0, 110));
        var townIndexes = register.Units.Where(u => u.IsTown && u.District == d).Select(u => u.Index).ToList();
        foreach (var townIndex in townIndexes)
        {
            var town = register.Units[townIndex];
            foreach (var kind in new[] { "社区", "建制村" })
            {
                var chance = kind == "建制村" ? 0.55 : district.Tier == DistrictTier.Central ? 0.12 : 0.2;
                if (!random.Chance(chance)) continue;
                var candidates = register.TownMembers[townIndex].Where(i => register.Units[i].Kind == kind && register.Units[i].Abolished is null).ToList();
                var pairs = Math.Min(candidates.Count / 2, kind == "建制村" ? random.Between(1, 3) : 1);
                for (var p = 0; p < pairs; p++)
                {
                    var a = register.Units[candidates[2 * p]];
                    var b = register.Units[candidates[2 * p + 1]];
                    var code = NextFreeCode(register, townIndex, kind);
                    var merged = AddMember(register, town, code, a.Name[..1] + b.Name[..1] + (kind == "社区" ? "社区" : "村"), kind, date);
                    a.Abolished = b.Abolished = date;
                    a.Successor = b.Successor = merged.Index;
                }
            }
        }
    }

    private static string NextFreeCode(DemoOrgRegister register, int townIndex, string kind)
    {
        var town = register.Units[townIndex];
        var used = register.TownMembers[townIndex].Select(i => int.Parse(register.Units[i].Code[9..], CultureInfo.InvariantCulture)).ToHashSet();
        var suffix = kind == "社区" ? 101 : 301; // merged units take fresh numbers from the upper part of the range
        while (used.Contains(suffix)) suffix++;
        return town.Code + suffix.ToString("D3", CultureInfo.InvariantCulture);
    }
}
