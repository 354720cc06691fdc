using Analytics.Etl.Forecasting;

namespace Analytics.Tests.Forecasting;

/// <summary>In-memory district histories whose flows are known and add up (each year: Q = Q_prev + in − out).</summary>
internal static class SyntheticHistory
{
    public static readonly string[] Kinds = ["区", "市", "县", "新区"];

    /// <summary>Districts 510101.. with yearly points firstYear..lastYear; flows follow fixed rates plus noise.</summary>
    public static List<DistrictSeries> City(int districts = 12, int firstYear = 2017, int lastYear = 2024, int seed = 7)
    {
        var random = new Random(seed);
        var list = new List<DistrictSeries>();
        for (var i = 0; i < districts; i++)
        {
            var required = 80 + 20 * (i % 5);
            var qualified = required / 3 + i;
            var approvedBase = 4 + i % 4;
            var years = new List<YearPoint>();
            for (var year = firstYear; year <= lastYear; year++)
            {
                var approved = approvedBase + random.Next(0, 3);
                var passRate = 0.3 + 0.05 * random.Next(0, 4);
                var flows = PostFlows.None;
                if (years.Count > 0)
                {
                    var hires = Math.Round(0.03 * required + 0.6 * approved + random.Next(0, 2));
                    var cert = Math.Round(0.04 * required * passRate / 0.4 + random.Next(0, 2));
                    var conv = Math.Round(0.01 * required);
                    var leavers = Math.Round(0.08 * qualified + random.Next(0, 2));
                    var expiry = Math.Round(0.02 * qualified);
                    flows = new PostFlows(hires, cert, conv, leavers, expiry);
                    qualified += (int)flows.Net;
                }
                var gap = Math.Max(0, required - qualified) + 3;
                var certified = qualified + 10;
                years.Add(new YearPoint(year, new DateOnly(year, 12, 31), required, qualified, gap, qualified + 40, certified,
                    certified / 2, 20 + year - firstYear, approved, passRate, flows));
            }
            list.Add(new DistrictSeries($"5101{i + 1:00}", $"第{i + 1}区", Kinds[i % 4], years, new Dictionary<int, int>()));
        }
        return list;
    }

    /// <summary>One district whose qualified posts follow y = start + slope × (year − firstYear) exactly.</summary>
    public static DistrictSeries LinearTrend(string code, int start, int slope, int firstYear, int lastYear)
    {
        var years = new List<YearPoint>();
        for (var year = firstYear; year <= lastYear; year++)
        {
            var q = start + slope * (year - firstYear);
            var flows = year == firstYear ? PostFlows.None : new PostFlows(slope, 0, 0, 0, 0);
            years.Add(new YearPoint(year, new DateOnly(year, 12, 31), 400, q, Math.Max(0, 400 - q), q, q, q, 0, slope, 0.5, flows));
        }
        return new DistrictSeries(code, "趋势区", "区", years, new Dictionary<int, int>());
    }
}
