namespace Analytics.Etl.Forecasting;

/// <summary>
/// One export row: one area (a 区(市)县 or a 镇(街道)) under one scenario — either the scenario as entered or the
/// recommendation. Every figure of the row is of that scenario; the current gap is observed (the same for both).
/// </summary>
/// <param name="ApprovalsByYear">Posts approved per plan year (岗位/年), in the order of <see cref="QuotaPlan.PlanYears"/>.</param>
/// <param name="GapHi80">The upper 80 % bound of the gap at the end of the target year (岗位).</param>
/// <param name="ProbabilityClosed">The probability that every 社区/建制村 of the area meets its minimum at the end of the target year.</param>
/// <param name="Closes">Whether the schedule reaches the least upper 80 % bound approvals can reach (0 unless staff turnover keeps some units short).</param>
public sealed record QuotaRow(
    string Level, string Code, string Name, string DistrictCode, string Scenario, bool IsRecommendation,
    int CurrentGap, int CurrentGapCommunities, int CurrentGapVillages, int UnitsWithoutQualifiedPost,
    IReadOnlyList<int> ApprovalsByYear, double GapAtTarget, int GapHi80, double ProbabilityClosed, bool Closes)
{
    public const string District = "district", Town = "town";
    public int TotalApprovals => ApprovalsByYear.Sum();
}

/// <summary>The quota plan of one scenario: rows for every district and town, the plan years and the target year.</summary>
public sealed record QuotaPlan(
    string ScenarioName, ScenarioAssumptions Assumptions, int TargetYear, IReadOnlyList<int> PlanYears, DateOnly AsOf, DateOnly DataVintage,
    string GapMethod, IReadOnlyList<QuotaRow> Rows, string? NoteZh, string? NoteEn);

/// <summary>
/// Recommends approvals per 区(市)县 and per 镇(街道) with the unit model: the smallest schedule over the plan years
/// (constant per year, or front-loaded into the first plan year, whichever approves fewer posts in all) whose upper
/// 80 % bound of the gap at the end of the target year is as low as approvals can make it — zero unless staff
/// turnover alone keeps some unit short. The bound and the probability of closing come from simulating the units
/// under draws of the shared half-year effect (the same draws for every schedule, so the search is monotone).
/// A town's vacant approved posts are its share (by required posts) of its district's.
/// </summary>
internal static class QuotaPlanner
{
    public const int Paths = 16, Seed = 20220101;
    public const string RecommendationZh = "建议方案";

    /// <summary>The default target: the end of the next plan year (the year after the data's).</summary>
    public static int DefaultTargetYear(ForecastModel model) => HalfYears.Year(model.History.LastHalfYear) + 1;

    /// <param name="district">Only this district and its towns; null = every district and (when <paramref name="towns"/>) every town.</param>
    public static QuotaPlan Plan(ForecastModel model, ScenarioAssumptions scenario, string scenarioName, int targetYear, DateOnly asOf,
        string? district = null, bool towns = true)
    {
        var units = model.Units;
        if (units is null || model.History.Points == 0)
            return new QuotaPlan(scenarioName, scenario, targetYear, [], asOf, model.DataVintage, model.GapMethod, [],
                "历史数据太短，无法训练单元模型：不提供岗位开发建议。", "The history is too short to learn the unit model from: no quota recommendation.");
        var steps = Math.Clamp(HalfYears.Of(targetYear, 2) - units.Origin, 1, units.Steps);
        var planYears = Enumerable.Range(1, steps).Select(k => units.Origin + k)
            .Where(h => h == units.Origin + 1 || !HalfYears.IsSecondHalf(h)).Select(HalfYears.Year).Distinct()
            .Where(y => model.History.Districts.Any(d => !d.IsApproved(y))).ToList();
        var rows = new List<QuotaRow>();
        var last = model.History.Points - 1;
        var pass = 1 + scenario.PassRateChange;
        var attrition = Math.Max(0, 1 + scenario.AttritionChange);
        foreach (var d in model.History.Districts.Where(d => units.DistrictCodes.Contains(d.Code) && (district is null || d.Code == district)))
        {
            var current = Current(model.History.Units.Where(u => u.DistrictCode == d.Code && u.Present[last]));
            var asEntered = scenario.ApprovalsFor(d.Code, units.RecentApprovals(d.Code));
            rows.AddRange(Area(units, QuotaRow.District, d.Code, d.Name, d.Code, false, current, asEntered,
                planYears, steps, pass, attrition, scenarioName));
        }
        foreach (var town in units.TownCodes.Where(t => towns && (district is null || units.DistrictOfTown(t) == district)).Order(StringComparer.Ordinal))
        {
            var townDistrict = units.DistrictOfTown(town);
            var current = Current(model.History.Units.Where(u => u.TownCode == town && u.Present[last]));
            var asEntered = scenario.ApprovalsFor(townDistrict, units.RecentApprovals(townDistrict)) * units.TownShare(town);
            rows.AddRange(Area(units, QuotaRow.Town, town, model.History.TownNames.GetValueOrDefault(town, town), townDistrict, true, current,
                asEntered, planYears, steps, pass, attrition, scenarioName));
        }
        return new QuotaPlan(scenarioName, scenario, targetYear, planYears, asOf, model.DataVintage, model.GapMethod, rows, null, null);
    }

    private static (int Gap, int Communities, int Villages, int None) Current(IEnumerable<UnitHistory> units)
    {
        var list = units.ToList();
        var last = list.Count == 0 ? 0 : list[0].Present.Length - 1;
        return (list.Sum(u => u.Shortfall(last)), list.Where(u => !u.IsVillage).Sum(u => u.Shortfall(last)),
            list.Where(u => u.IsVillage).Sum(u => u.Shortfall(last)), list.Count(u => u.Qualified[last] == 0));
    }

    private static IEnumerable<QuotaRow> Area(UnitModel units, string level, string code, string name, string district, bool town,
        (int Gap, int Communities, int Villages, int None) current, double asEntered, IReadOnlyList<int> planYears, int steps,
        double pass, double attrition, string scenarioName)
    {
        Outcome Evaluate(IReadOnlyDictionary<int, int> schedule) => Outcome.Of(units.Simulate(code, town,
            units.Arrivals(district, y => schedule.GetValueOrDefault(y), steps), pass, attrition, Paths, Seed), steps);
        var entered = planYears.ToDictionary(y => y, _ => (int)Math.Round(asEntered));
        var enteredOutcome = Evaluate(entered);
        var required = Math.Max(1, units.History.Units.Where(u => town ? u.TownCode == code : u.DistrictCode == code).Sum(u => u.Required));
        var ceiling = Math.Max(50, 3 * required);
        var best = Evaluate(planYears.ToDictionary(y => y, _ => ceiling)).GapHi80; // the least bound approvals can reach
        bool Closes(Outcome o) => o.GapHi80 <= best;

        var constant = Smallest(n => Closes(Evaluate(planYears.ToDictionary(y => y, _ => n))), ceiling);
        var front = Smallest(n => Closes(Evaluate(planYears.Select((y, i) => (y, i)).ToDictionary(p => p.y, p => p.i == 0 ? n : 0))), ceiling * planYears.Count);
        var schedule = planYears.Count > 1 && front < constant * planYears.Count
            ? planYears.Select((y, i) => (y, i)).ToDictionary(p => p.y, p => p.i == 0 ? front : 0)
            : planYears.ToDictionary(y => y, _ => constant);
        var recommended = Evaluate(schedule);
        QuotaRow Row(string scenario, bool isRecommendation, IReadOnlyDictionary<int, int> s, Outcome o) => new(level, code, name, district, scenario,
            isRecommendation, current.Gap, current.Communities, current.Villages, current.None, planYears.Select(y => s.GetValueOrDefault(y)).ToList(),
            o.Gap, o.GapHi80, o.ProbabilityClosed, Closes(o));
        yield return Row(scenarioName, false, entered, enteredOutcome);
        yield return Row(RecommendationZh, true, schedule, recommended);
    }

    /// <summary>A district's outcome at the end of the target year under an approval schedule (year → posts): mean gap, upper 80 % bound, P(closed).</summary>
    internal static (double Gap, int GapHi80, double ProbabilityClosed) Evaluate(ForecastModel model, string district, IReadOnlyDictionary<int, int> schedule,
        int targetYear, ScenarioAssumptions? scenario = null)
    {
        var units = model.Units ?? throw new InvalidOperationException("no unit model");
        scenario ??= ScenarioAssumptions.Baseline;
        var steps = Math.Clamp(HalfYears.Of(targetYear, 2) - units.Origin, 1, units.Steps);
        var o = Outcome.Of(units.Simulate(district, false, units.Arrivals(district, y => schedule.GetValueOrDefault(y), steps),
            1 + scenario.PassRateChange, Math.Max(0, 1 + scenario.AttritionChange), Paths, Seed), steps);
        return (o.Gap, o.GapHi80, o.ProbabilityClosed);
    }

    /// <summary>The smallest n in 0..max with closes(n) (monotone), or max when none does.</summary>
    private static int Smallest(Func<int, bool> closes, int max)
    {
        if (closes(0)) return 0;
        int low = 0, high = 1;
        while (high < max && !closes(high)) { low = high; high = Math.Min(max, high * 2); }
        if (high >= max && !closes(max)) return max;
        while (high - low > 1)
        {
            var mid = (low + high) / 2;
            if (closes(mid)) high = mid; else low = mid;
        }
        return high;
    }

    /// <summary>The target step over the simulated paths: mean gap, the upper 80 % bound (mixture of per-path
    /// distributions: exact at zero, normal with continuity correction above), the probability of a closed gap.</summary>
    private sealed record Outcome(double Gap, int GapHi80, double ProbabilityClosed)
    {
        public static Outcome Of(IReadOnlyList<AreaStep[]> paths, int step)
        {
            var at = paths.Select(p => p[step - 1]).ToList();
            var closed = at.Average(s => s.ProbabilityClosed);
            var max = (int)Math.Ceiling(at.Max(s => s.Gap + 6 * Math.Sqrt(s.GapVariance))) + 1;
            var hi = max;
            for (var g = 0; g <= max; g++)
            {
                var cdf = at.Average(s => g == 0 ? s.ProbabilityClosed
                    : Math.Max(s.ProbabilityClosed, s.GapVariance <= 1e-12 ? (s.Gap <= g + 0.5 ? 1 : 0) : NormalCdf((g + 0.5 - s.Gap) / Math.Sqrt(s.GapVariance))));
                if (cdf >= 0.8 - 1e-12) { hi = g; break; }
            }
            return new Outcome(at.Average(s => s.Gap), hi, closed);
        }
    }

    /// <summary>Φ(x) (Abramowitz–Stegun 7.1.26 erf approximation, |error| &lt; 1.5e-7).</summary>
    public static double NormalCdf(double x)
    {
        var z = Math.Abs(x) / Math.Sqrt(2);
        var t = 1 / (1 + 0.3275911 * z);
        var erf = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.Exp(-z * z);
        return x >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
    }
}
