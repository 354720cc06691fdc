using Analytics.Etl.Forecasting;

namespace Analytics.Tests.Forecasting;

/// <summary>
/// In-memory unit × half-year histories with a known process, 2019-H1 .. 2026-H1 (15 points, the last year not yet
/// approved). A steady pipeline: in each district a fixed number of short 建制村 gain their qualified post every
/// half-year through a hire onto an approved post; approvals match the fills; nobody leaves. With
/// <paramref name="noise"/>, fills happen at random with the same expected rate and holders sometimes leave.
/// </summary>
internal static class SyntheticHistory
{
    public const int FirstHalf = 2019 * 2, LastHalf = 2026 * 2;

    public static ForecastHistory Pipeline(int districts = 6, int communities = 30, int villages = 60, int fillsPerHalfYear = 2,
        bool noise = false, int seed = 7)
    {
        var random = new Random(seed);
        var halves = Enumerable.Range(FirstHalf, LastHalf - FirstHalf + 1).ToList();
        var points = halves.Count;
        var units = new List<UnitHistory>();
        var infos = new List<DistrictInfo>();
        var towns = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var d = 0; d < districts; d++)
        {
            var code = $"5101{d + 4:00}";
            var town = code + "001";
            towns[town] = $"第{d + 1}街道";
            var fills = fillsPerHalfYear == 0 ? 0 : fillsPerHalfYear + d % 2; // districts differ in pace
            var district = new List<UnitHistory>();
            for (var i = 0; i < communities + villages; i++)
            {
                var village = i >= communities;
                var u = new UnitHistory($"{town}{(village ? 200 + i : 1 + i):000}", village ? "建制村" : "社区", town, code, points);
                u.Qualified[0] = village ? 0 : 2;
                district.Add(u);
            }
            for (var p = 0; p < points; p++)
            {
                var filled = 0;
                foreach (var u in district)
                {
                    u.Present[p] = true;
                    if (p > 0)
                    {
                        u.Qualified[p] = u.Qualified[p - 1];
                        var fill = noise ? random.NextDouble() < fills / Math.Max(1.0, district.Count(x => x.Qualified[p - 1] < x.Required))
                            : filled < fills;
                        if (u.Qualified[p] < u.Required && fill) { u.Qualified[p]++; u.PostGains[p] = 1; filled++; }
                        else if (noise && u.Qualified[p] >= u.Required && random.NextDouble() < 0.01) { u.Qualified[p]--; u.Leavers[p] = 1; }
                    }
                    u.Workers[p] = u.Qualified[p] + 4;
                }
            }
            units.AddRange(district);
            var posts = Enumerable.Range(0, points).Select(p => district.Sum(u => u.Qualified[p])).ToArray();
            var approvals = new Dictionary<int, int?>();
            for (var year = 2019; year <= 2026; year++) approvals[year] = year == 2026 ? null : 2 * fills;
            infos.Add(new DistrictInfo(code, $"第{d + 1}区", "区", posts, approvals));
        }
        return new ForecastHistory(halves, halves.Select(HalfYears.End).ToList(), units, infos, towns, new Dictionary<int, IReadOnlyList<FutureUnit>>());
    }
}
