namespace Analytics.Etl.Forecasting;

/// <summary>One district (or the city) in one year of a quota plan.</summary>
/// <param name="RecommendedApprovals">Posts to approve that year so the gap closes by the target year, allowing for
/// expected losses; after the target year, the scenario's own approvals.</param>
internal sealed record QuotaPlanYear(
    string DistrictCode, string DistrictName, int Year, double RequiredPosts, double QualifiedPosts, double Lower80, double Upper80,
    double Lower95, double Upper95, double GapPosts, double ExpectedLosses, int RecommendedApprovals);

internal sealed record QuotaPlan(
    string ScenarioName, ScenarioAssumptions Assumptions, int HorizonYear, int TargetYear, DateOnly AsOf, DateOnly DataVintage,
    string Learner, IReadOnlyList<QuotaPlanYear> Rows, ForecastOutcome Scenario, ForecastOutcome WithRecommendation)
{
    public IEnumerable<string> DistrictCodes => Rows.Select(r => r.DistrictCode).Distinct();

    /// <summary>The recommended approvals per district, constant for each year up to the target year.</summary>
    public IReadOnlyDictionary<string, int> RecommendedPerYear { get; init; } = new Dictionary<string, int>();
}

/// <summary>
/// Recommends how many posts each district should approve per year, from the first projected year to the target
/// year, so that its projected gap is zero in the target year. The projection itself is the judge: the planner
/// searches the smallest whole number of posts per year whose projection closes the gap (doubling, then bisection,
/// keeping only values it has seen close the gap), so the recommendation fed back into the projection closes it.
/// </summary>
internal static class QuotaPlanner
{
    public static QuotaPlan Plan(ForecastModel model, ScenarioAssumptions scenario, string scenarioName, int targetYear, DateOnly asOf,
        int? horizonYear = null)
    {
        var horizon = Math.Max(horizonYear ?? model.Options.HorizonYear, targetYear);
        var baseline = model.Project(scenario, scenarioName, horizon);
        var perYear = new Dictionary<string, int>();
        foreach (var district in model.History)
        {
            var code = district.DistrictCode;
            double GapAt(int approvedPerYear) => model.ProjectDistrict(code, scenario, targetYear,
                    (_, y) => y <= targetYear ? approvedPerYear : null)
                .Years.FirstOrDefault(y => y.Year == targetYear)?.GapPosts ?? 0;
            perYear[code] = SmallestClosing(GapAt, (int)Math.Round(scenario.ApprovedPostsFor(district)), Math.Max(1, district.Last.RequiredPosts));
        }
        var recommended = model.Project(scenario, scenarioName, horizon,
            (c, y) => y <= targetYear && perYear.TryGetValue(c, out var n) ? n : null);
        var rows = new List<QuotaPlanYear>();
        foreach (var d in recommended.Districts)
        {
            var planned = baseline.District(d.DistrictCode);
            foreach (var (withPlan, asIs) in d.Years.Zip(planned.Years))
                rows.Add(Row(d.DistrictCode, d.DistrictName, asIs, withPlan.Flows.Outflow,
                    withPlan.Year <= targetYear ? perYear[d.DistrictCode] : (int)Math.Round(asIs.ApprovedPosts)));
        }
        foreach (var year in baseline.City)
            rows.Add(Row(ForecastOutcome.CityCode, "成都市", year,
                recommended.City.First(c => c.Year == year.Year).Flows.Outflow,
                rows.Where(r => r.Year == year.Year && r.DistrictCode != ForecastOutcome.CityCode).Sum(r => r.RecommendedApprovals)));
        return new QuotaPlan(scenarioName, scenario, horizon, targetYear, asOf, model.DataVintage,
            model.Learner is { } l ? MlStockFlowForecaster.NameOf(l) : DriftForecaster.MethodName, rows, baseline, recommended)
        { RecommendedPerYear = perYear };
    }

    /// <summary>The smallest n ≥ 0 whose gap is closed (≤ 0.5 post), searched up from the scenario's own approvals.</summary>
    internal static int SmallestClosing(Func<int, double> gapAt, int start, int scale)
    {
        static bool Closed(double gap) => gap < 0.5;
        var low = Math.Max(0, start);
        if (Closed(gapAt(low)))
        {
            // Already closed at the scenario's approvals: look lower for the least that still closes.
            int lo = -1, hi = low;
            while (hi - lo > 1) { var mid = (lo + hi) / 2; if (mid >= 0 && Closed(gapAt(mid))) hi = mid; else lo = mid; }
            return hi;
        }
        var step = Math.Max(1, scale / 20);
        var high = low + step;
        var limit = low + 50 * scale;
        while (!Closed(gapAt(high)))
        {
            low = high;
            high += step;
            step *= 2;
            if (high > limit) return high; // cannot close (e.g. a bound); the export shows the remaining gap
        }
        while (high - low > 1)
        {
            var mid = (low + high) / 2;
            if (Closed(gapAt(mid))) high = mid; else low = mid;
        }
        return high;
    }

    private static QuotaPlanYear Row(string code, string name, ForecastYear y, double losses, int recommended) =>
        new(code, name, y.Year, y.RequiredPosts, y.QualifiedPosts, y.Lower80, y.Upper80, y.Lower95, y.Upper95, y.GapPosts, losses, recommended);
}
