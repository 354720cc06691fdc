namespace Analytics.Etl.Forecasting;

/// <summary>
/// The features of one 社区/建制村 at one half-year point, shared by training and projection (the same vector).
/// The qualified-post features (1–3) are filled per state, so the learned hazards can be read for every possible
/// number of qualified posts of the unit.
/// </summary>
internal static class UnitFeatures
{
    public const int Count = 15;

    /// <summary>The half-year from which the policy regime after the 2022 deadline applies (2022-H2).</summary>
    public static readonly int RegimeStart = HalfYears.Of(2022, 2);

    /// <summary>States a unit's qualified posts are projected over: 0..MaxState (more held is counted as MaxState plus a fixed surplus).</summary>
    public const int MaxState = 5;

    public static float[] Build(UnitHistory u, int point, int nextHalfYear, PointStats stats)
    {
        var f = new float[Count];
        f[0] = u.IsVillage ? 1 : 0;
        SetState(f, u.Required, u.Qualified[point]);
        f[4] = Math.Min(30, u.Workers[point]) / 10f;
        f[5] = Math.Min(10, u.ConversionPool[point]);
        f[6] = Math.Min(10, u.UncertifiedHolders[point]);
        f[7] = Math.Min(5, u.PartTimeExpiring[point]);
        f[8] = u.PostGains[point] + u.OtherGains[point] > 0 ? 1 : 0;
        f[9] = u.Leavers[point] + u.Lapses[point] > 0 ? 1 : 0;
        f[10] = (float)stats.DistrictShortShare.GetValueOrDefault(u.DistrictCode);
        f[11] = (float)stats.DistrictClosureRate.GetValueOrDefault(u.DistrictCode);
        f[12] = (float)stats.TownShortShare.GetValueOrDefault(u.TownCode);
        f[13] = nextHalfYear >= RegimeStart ? 1 : 0;
        f[14] = HalfYears.IsSecondHalf(nextHalfYear) ? 1 : 0;
        return f;
    }

    /// <summary>Features of a unit the register adds after the history (nobody in post yet).</summary>
    public static float[] ForNewUnit(bool village, string districtCode, string townCode, int nextHalfYear, PointStats stats)
    {
        var f = new float[Count];
        f[0] = village ? 1 : 0;
        SetState(f, village ? 1 : 2, 0);
        f[10] = (float)stats.DistrictShortShare.GetValueOrDefault(districtCode);
        f[11] = (float)stats.DistrictClosureRate.GetValueOrDefault(districtCode);
        f[12] = (float)stats.TownShortShare.GetValueOrDefault(townCode);
        f[13] = nextHalfYear >= RegimeStart ? 1 : 0;
        f[14] = HalfYears.IsSecondHalf(nextHalfYear) ? 1 : 0;
        return f;
    }

    public static void SetState(float[] f, int required, int qualified)
    {
        f[1] = Math.Min(MaxState, qualified);
        f[2] = Math.Max(0, required - qualified);
        f[3] = Math.Min(3, Math.Max(0, qualified - required));
    }
}

/// <summary>District and town context at one point: share of units short of their minimum, and how many of the units
/// short at the previous point gained a qualified post since (the recent closure rate).</summary>
internal sealed record PointStats(
    IReadOnlyDictionary<string, double> DistrictShortShare, IReadOnlyDictionary<string, double> DistrictClosureRate,
    IReadOnlyDictionary<string, double> TownShortShare)
{
    public static PointStats At(ForecastHistory history, int point)
    {
        var shortShare = new Dictionary<string, double>(StringComparer.Ordinal);
        var closure = new Dictionary<string, double>(StringComparer.Ordinal);
        var town = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var g in history.Units.Where(u => u.Present[point]).GroupBy(u => u.DistrictCode))
        {
            shortShare[g.Key] = g.Average(u => u.Shortfall(point) > 0 ? 1.0 : 0.0);
            var wasShort = point > 0 ? g.Where(u => u.Present[point - 1] && u.Shortfall(point - 1) > 0).ToList() : [];
            closure[g.Key] = wasShort.Count == 0 ? 0 : wasShort.Average(u => u.Qualified[point] > u.Qualified[point - 1] ? 1.0 : 0.0);
        }
        foreach (var g in history.Units.Where(u => u.Present[point]).GroupBy(u => u.TownCode))
            town[g.Key] = g.Average(u => u.Shortfall(point) > 0 ? 1.0 : 0.0);
        return new PointStats(shortShare, closure, town);
    }
}
