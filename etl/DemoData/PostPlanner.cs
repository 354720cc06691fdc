namespace Analytics.Etl.DemoData;

/// <summary>
/// Gives each unit its plan: qualified posts at the start, and the half-year in which it reaches the policy minimum.
/// The district's pace shapes the story: Early districts meet the 2022 targets by mid-2022, Narrow ones just in the
/// 2022-12-31 snapshot, Late ones during 2023, Lagging ones (villages of outer counties) still far off in 2022.
/// </summary>
internal static class PostPlanner
{
    private const int H2020End = 3, H2022Mid = 6, H2022End = 7, H2023Mid = 8, H2023End = 9;

    public static void Plan(DemoUnit unit, DemoDistrict district, DemoRandom random)
    {
        unit.BaseHeadcount = unit.IsTown ? random.Between(1, 2)
            : unit.Established is not null ? random.Between(8, 9)
            : unit.Kind == "建制村" ? random.Between(5, 7)
            : district.Tier == DistrictTier.Central ? random.Between(7, 9) : random.Between(6, 8);
        unit.InitialQualified = InitialQualified(unit, district.Tier, random);
        unit.TargetHalfYear = TargetHalfYear(unit, district.Pace, random);
        if (unit.Established is not null) unit.TargetHalfYear = Math.Max(unit.TargetHalfYear, H2020End);
        if (unit.Required == 2 && unit.InitialQualified == 0)
            unit.MidHalfYear = random.Between(Math.Max(0, unit.TargetHalfYear - 4), unit.TargetHalfYear - 1);
        if (!unit.IsTown && random.Chance(0.2))
            unit.SurplusHalfYear = Math.Max(unit.TargetHalfYear, H2022Mid) + random.Between(2, 6);
    }

    private static int InitialQualified(DemoUnit unit, DistrictTier tier, DemoRandom random)
    {
        if (unit.IsTown) return random.Chance(tier == DistrictTier.Outer ? 0.1 : 0.25) ? 1 : 0;
        if (unit.Kind == "建制村") return random.Chance(tier == DistrictTier.Outer ? 0.12 : 0.25) ? 1 : 0;
        double[] weights = tier switch
        {
            DistrictTier.Central => [0.3, 0.45, 0.25],
            DistrictTier.Suburban => [0.45, 0.4, 0.15],
            _ => [0.6, 0.32, 0.08],
        };
        return random.Weighted(weights);
    }

    private static int TargetHalfYear(DemoUnit unit, DistrictPace pace, DemoRandom random)
    {
        if (unit.IsTown)
            return pace is DistrictPace.Early or DistrictPace.Narrow ? random.Between(2, 10) : random.Between(4, 16);
        return pace switch
        {
            DistrictPace.Early => H2020End + random.Weighted([1, 2, 3, 4]),
            DistrictPace.Narrow => H2020End + random.Weighted([1, 2, 3, 3, 3]),
            DistrictPace.Late => H2020End + 1 + random.Weighted([1, 2, 3, 3, 1]),
            _ when unit.Kind == "社区" => H2020End + 1 + random.Weighted([1, 1, 2, 2, 2, 1]),
            _ => random.Chance(0.35) ? random.Between(H2020End + 1, H2022End) : random.Between(H2023Mid, H2023End + 12),
        };
    }
}
