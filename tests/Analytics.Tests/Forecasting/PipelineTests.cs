using Analytics.Etl.Forecasting;

namespace Analytics.Tests.Forecasting;

/// <summary>On a steady pipeline (a known number of short units filled every half-year) the right method and the least quota are known.</summary>
public sealed class PipelineTests
{
    private static readonly ForecastOptions Options = new(HorizonYear: 2028);

    [Fact]
    public void The_backtest_rolls_every_half_year_from_2022_H2_and_ships_the_method_that_is_exact_on_a_linear_pipeline()
    {
        var history = SyntheticHistory.Pipeline();
        var model = ForecastModel.Fit(history, Options);

        // Origins 2022-H2 .. 2025-H2 (the second-last point): seven, each forecasting up to six half-years ahead.
        Assert.Equal(Enumerable.Range(HalfYears.Of(2022, 2), 7), model.Backtest.Origins);
        Assert.Equal([7, 6, 5, 4, 3, 2], model.Backtest.For("naive", Quantities.Gap).Select(c => c.Origins));
        Assert.Equal(ForecastModel.Candidates.Order(), model.Backtest.Cells.Select(c => c.Method).Distinct().Order());

        // The gap falls by a fixed number of posts each half-year: drift is exact, naive is off by h × that.
        Assert.All(model.Backtest.For("drift", Quantities.Gap), c => Assert.Equal(0, c.Mae, 9));
        Assert.All(model.Backtest.For("naive", Quantities.Gap), c => Assert.True(c.Mae >= 2 * c.Horizon - 1e-9));
        Assert.Equal("drift", model.GapMethod);
        Assert.True(model.Backtest.For(model.GapMethod, Quantities.Gap).All(c => c.RelativeToNaive <= 1));

        // The shipped point forecast continues the pipeline: 2026-H2 gap = last gap − fills.
        var last = DistrictSeries.From(history)["510104"].Gap[^1];
        var next = model.Points.First(p => p.DistrictCode == "510104");
        Assert.Equal(new DateOnly(2026, 12, 31), next.AsOf);
        Assert.Equal(last - 2, next.GapPosts, 6);
        Assert.Equal("drift", next.Method);
    }

    [Fact]
    public void When_no_method_beats_no_change_at_every_horizon_naive_is_shipped_and_said_so()
    {
        // A flat history: nothing changes, so every method at best ties with naive; ties go to the simpler method, naive.
        var model = ForecastModel.Fit(SyntheticHistory.Pipeline(fillsPerHalfYear: 0, districts: 2), Options);
        Assert.Equal("naive", model.GapMethod);
        Assert.Contains("没有胜过基准方法", MethodNames.Statement(model.GapMethod).Zh);
        Assert.Contains("did not beat the baselines", MethodNames.Statement(model.GapMethod).En);
    }

    [Fact]
    public void The_city_interval_is_calibrated_on_city_residuals_not_summed_from_district_half_widths()
    {
        var model = ForecastModel.Fit(SyntheticHistory.Pipeline(noise: true), Options);
        var first = model.Points.Where(p => p.AsOf == new DateOnly(2026, 12, 31)).ToList();
        var city = first.Single(p => p.DistrictCode == ForecastPoints.CityCode);
        var districts = first.Where(p => p.DistrictCode != ForecastPoints.CityCode).ToList();
        Assert.Equal(districts.Sum(d => d.GapPosts), city.GapPosts, 6);
        var summedHalfWidths = districts.Sum(d => d.GapHi80!.Value - d.GapPosts);
        Assert.NotNull(city.GapHi80);
        Assert.NotEqual(summedHalfWidths, city.GapHi80!.Value - city.GapPosts, 3);
        Assert.Contains(model.GapIntervals!.Coverage, c => c.Area == ConformalIntervals.City && c.Horizon == 1);
    }

    [Fact]
    public void The_recommended_quota_is_at_least_the_gap_when_no_approved_post_is_vacant_and_is_the_least_that_closes_it()
    {
        var model = ForecastModel.Fit(SyntheticHistory.Pipeline(districts: 2), Options);
        var plan = QuotaPlanner.Plan(model, ScenarioAssumptions.Baseline, "baseline", 2027, new DateOnly(2026, 7, 1), district: "510104", towns: false);
        Assert.Equal([2026, 2027], plan.PlanYears);
        var recommended = plan.Rows.Single(r => r.IsRecommendation);
        var asEntered = plan.Rows.Single(r => !r.IsRecommendation);
        Assert.Equal(recommended.CurrentGap, asEntered.CurrentGap);
        // Every gain needs an approved post and none is vacant: closing the gap takes at least one post per missing post.
        Assert.Equal(0, model.Units!.DistrictSlack("510104"), 6);
        Assert.True(recommended.TotalApprovals >= recommended.CurrentGap, $"{recommended.TotalApprovals} < {recommended.CurrentGap}");
        Assert.True(recommended.Closes);
        Assert.Equal(0, recommended.GapHi80);
        Assert.True(recommended.ProbabilityClosed >= 0.8);
        Assert.True(recommended.GapAtTarget < asEntered.GapAtTarget);

        // One post fewer a year (constant schedule) or in the first year (front-loaded) does not close it: the recommendation is the least.
        var constant = recommended.ApprovalsByYear.Distinct().Count() == 1;
        var schedule = plan.PlanYears.Select((y, i) => (y, i)).ToDictionary(p => p.y, p => recommended.ApprovalsByYear[p.i] - (constant || p.i == 0 ? 1 : 0));
        var fewer = QuotaPlanner.Evaluate(model, "510104", schedule, 2027);
        Assert.True(fewer.GapHi80 > recommended.GapHi80 || recommended.TotalApprovals == 0);
        var same = QuotaPlanner.Evaluate(model, "510104", plan.PlanYears.Select((y, i) => (y, i)).ToDictionary(p => p.y, p => recommended.ApprovalsByYear[p.i]), 2027);
        Assert.Equal((recommended.GapAtTarget, recommended.GapHi80, recommended.ProbabilityClosed), same);
    }

    [Fact]
    public void Conformal_quantiles_need_enough_residuals_for_the_level()
    {
        Assert.Equal(7, ConformalIntervals.Quantile([1, 2, 3, 4, 5, 6, 7], 0.8));
        Assert.Equal(9, ConformalIntervals.Quantile(Enumerable.Range(1, 10).Select(i => (double)i), 0.8)); // the ⌈11 × 0.8⌉ = 9th
        Assert.Null(ConformalIntervals.Quantile([1, 2, 3], 0.8));
        Assert.Null(ConformalIntervals.Quantile([1, 2, 3, 4, 5, 6, 7], 0.95));
    }

    [Fact]
    public void A_year_not_yet_approved_is_neither_a_zero_in_recent_approvals_nor_missing_from_the_projection()
    {
        var info = new DistrictInfo("510185", "简阳市", "市", [0], new Dictionary<int, int?> { [2023] = 45, [2024] = 51, [2025] = 57, [2026] = null });
        Assert.Equal(51, info.RecentApprovals(2026));
        Assert.Equal(153, info.CumulativeApprovals(2026));

        var model = UnitModel.Fit(SyntheticHistory.Pipeline(districts: 1, noise: true), 4, 1)!;
        Assert.Equal(HalfYears.Of(2026, 1), model.Origin);
        // From 2026-H1: the 2026 posts (not yet approved) arrive in 2026-H2, the 2027 posts in 2027-H1, none in 2027-H2.
        Assert.Equal([2026, 2027, 0, 2028], model.Arrivals("510104", year => year, 4));
        Assert.Equal(new DateOnly(2026, 6, 30), HalfYears.End(HalfYears.Of(new DateOnly(2026, 6, 30))));
        Assert.Equal(HalfYears.Of(2026, 1), HalfYears.Of(new DateOnly(2026, 3, 31)));
    }
}

/// <summary>The dashboard host refits with fewer fits at once than the CLI; the figures must not depend on it.</summary>
public sealed class FitParallelismTests
{
    [Fact]
    public void One_fit_at_a_time_gives_the_same_backtest_method_and_points_as_one_per_core()
    {
        var history = SyntheticHistory.Pipeline(districts: 3, noise: true, seed: 5);
        var serial = ForecastModel.Fit(history, new ForecastOptions(HorizonYear: 2029) { MaxParallelism = 1 });
        var parallel = ForecastModel.Fit(history, new ForecastOptions(HorizonYear: 2029) { MaxParallelism = 4 });

        Assert.Equal(parallel.GapMethod, serial.GapMethod);
        Assert.Equal(parallel.Backtest.Cells.Select(c => $"{c.Method}|{c.Quantity}|{c.Horizon}|{c.Mae:R}"),
            serial.Backtest.Cells.Select(c => $"{c.Method}|{c.Quantity}|{c.Horizon}|{c.Mae:R}"));
        Assert.Equal(parallel.Points.Select(p => $"{p.DistrictCode}|{p.AsOf}|{p.GapPosts:R}"), serial.Points.Select(p => $"{p.DistrictCode}|{p.AsOf}|{p.GapPosts:R}"));
        Assert.NotEmpty(serial.Points);
    }
}
