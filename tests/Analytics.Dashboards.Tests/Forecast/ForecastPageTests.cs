using System.Globalization;
using Analytics.Dashboards.Forecast;
using Analytics.Dashboards.Tests.Support;
using Analytics.Dashboards.Warehouse;
using Analytics.Etl.Forecasting;

namespace Analytics.Dashboards.Tests.Forecast;

/// <summary>The 预测 page in bUnit on real warehouses: a history too short for the model, and five years of demo history.</summary>
[Collection(DemoHistoryCollection.Name)]
public sealed class ForecastPageTests(DemoHistory demo)
{
    private static readonly TimeSpan Fitting = TimeSpan.FromSeconds(90);

    private static string Posts(double value) => QuotaExport.Whole(value).ToString("N0", CultureInfo.GetCultureInfo("zh-CN"));

    private static IRenderedComponent<ForecastPage> OpenFitted(ForecastContext forecast, string uri = "forecast")
    {
        var cut = forecast.Open(uri);
        cut.WaitForElement("#plan", Fitting);
        return cut;
    }

    [Fact]
    public void A_history_too_short_for_the_model_shows_the_baseline_only_statement_and_the_services_figures()
    {
        using var forecast = new ForecastContext();
        forecast.Context.Warehouse.WithWorkforce();

        var cut = OpenFitted(forecast);

        // Two yearly points (2022, 2023): no learner; the engine's own reason is shown, in Chinese.
        var model = forecast.Get<ForecastService>().Fit(new ForecastOptions(HorizonYear: 2030));
        Assert.Null(model.Learner);
        var reason = model.Methods.First(m => !m.IsModel).ReasonZh!;
        Assert.Contains(reason, cut.Find("#baseline-only").TextContent);
        Assert.Contains("无（仅漂移基线）", cut.Find("#backtest-learner").TextContent);

        // The plan table is ForecastService.Plan's city rows, year by year.
        var plan = forecast.Get<ForecastService>().Plan(model, null, 2030, 2030);
        var city = plan.Rows.Where(r => r.DistrictCode == ForecastOutcome.CityCode).ToList();
        var rows = cut.FindAll("#plan tbody tr");
        Assert.Equal(city.Select(r => r.Year.ToString(CultureInfo.InvariantCulture)), rows.Select(r => r.GetAttribute("data-year")));
        Assert.Equal(city.Select(r => Posts(r.GapPosts)), rows.Select(r => r.QuerySelector(".gap")!.TextContent));
        Assert.Equal(city.Select(r => Posts(r.QualifiedPosts)), rows.Select(r => r.QuerySelector(".qualified")!.TextContent));
    }

    [Fact]
    public void An_empty_warehouse_says_there_is_nothing_to_forecast()
    {
        using var forecast = new ForecastContext();
        var cut = forecast.Open();
        cut.WaitForElement("#forecast-empty", Fitting);
        Assert.Empty(cut.FindAll("#plan"));
    }

    [Fact]
    public void With_enough_history_the_page_shows_the_fitting_state_then_the_same_figures_as_ForecastService()
    {
        using var forecast = new ForecastContext(demo);
        var cut = forecast.Open("forecast?district=510104&to=2030&target=2027");
        // Fitting takes seconds and runs off the render path: the first render says so.
        Assert.NotNull(cut.Find("#forecast-fitting"));
        cut.WaitForElement("#plan", Fitting);

        // An independent fit with the CLI's options gives the same figures (the fit is deterministic).
        var service = forecast.Get<ForecastService>();
        var model = service.Fit(new ForecastOptions(HorizonYear: 2030));
        Assert.NotNull(model.Learner);
        var plan = service.Plan(model, null, 2027, 2030);
        var jinjiang = plan.Rows.Where(r => r.DistrictCode == "510104").ToList();
        var rows = cut.FindAll("#plan tbody tr");
        Assert.Equal(jinjiang.Count, rows.Count);
        Assert.Equal(jinjiang.Select(r => Posts(r.GapPosts)), rows.Select(r => r.QuerySelector(".gap")!.TextContent));
        Assert.Equal(jinjiang.Select(r => r.RecommendedApprovals.ToString("N0", CultureInfo.GetCultureInfo("zh-CN"))),
            rows.Select(r => r.QuerySelector(".recommended")!.TextContent));
        Assert.Equal(Posts(jinjiang.Single(r => r.Year == 2027).GapPosts), cut.Find("#gap-target").TextContent);

        // The backtest card: the chosen learner and every method's MAE, as the model scored them.
        Assert.Contains(MlStockFlowForecaster.NameOf(model.Learner!.Value), cut.Find("#backtest-learner").TextContent);
        foreach (var score in model.Backtest.Scores.Where(s => s.DistrictCode is null))
            Assert.Equal(score.Mae.ToString("N2", CultureInfo.GetCultureInfo("zh-CN")),
                cut.Find($"#backtest tr[data-method='{score.Method}'] td:nth-child(2)").TextContent);
        Assert.Contains("80%区间", cut.Find("#backtest-coverage").TextContent);
        Assert.NotNull(cut.Find(".chart img"));
    }

    [Fact]
    public async Task A_scenario_change_moves_the_gap_within_a_second_and_can_be_saved_and_compared_with_the_baseline()
    {
        using var forecast = new ForecastContext(demo);
        var service = forecast.Get<ForecastService>();
        var model = await forecast.Get<ForecastModelCache>().GetAsync(2030);
        // The district with the largest gap in the first projected year (the city's gap may already be closed).
        var district = service.Project(model).Districts.Where(d => d.Method.IsModel).OrderByDescending(d => d.Years[0].GapPosts).First();
        var year = district.Years[0].Year;
        var cut = OpenFitted(forecast, $"forecast?district={district.DistrictCode}&to=2030&target={year}");
        var before = cut.Find($"#plan tbody tr[data-year='{year}'] .gap").TextContent;
        Assert.Equal(Posts(district.Years[0].GapPosts), before);

        // More leavers and fewer exam passes: the gap grows, and the page shows the service's figure.
        cut.Find("#attrition-change").Change("100");
        cut.Find("#pass-rate-change").Change("-30");
        var elapsed = int.Parse(cut.Find("#projection-elapsed").GetAttribute("data-ms")!, CultureInfo.InvariantCulture);
        Assert.InRange(elapsed, 0, 999);
        var assumptions = ScenarioAssumptions.Baseline with { AttritionChange = 1.0, PassRateChange = -0.3 };
        var plan = service.Plan(model, assumptions, "流失加倍", year, 2030);
        var expected = plan.Rows.Single(r => r.DistrictCode == district.DistrictCode && r.Year == year);
        var after = cut.Find($"#plan tbody tr[data-year='{year}'] .gap").TextContent;
        Assert.True(expected.GapPosts > district.Years[0].GapPosts + 0.5, "doubling attrition should widen the gap");
        Assert.NotEqual(before, after);
        Assert.Equal(Posts(expected.GapPosts), after);
        Assert.Equal(after, cut.Find("#gap-target").TextContent);
        Assert.NotNull(cut.Find("#export-unsaved"));

        // The comparison table: the baseline's gap beside the scenario's, from ForecastService.Compare.
        var comparison = service.Compare(model, assumptions, "流失加倍", 2030);
        var compared = cut.Find($"#compare tbody tr[data-year='{year}']");
        Assert.Equal(Posts(comparison.Baseline.District(district.DistrictCode).Years[0].GapPosts), compared.QuerySelector(".baseline")!.TextContent);
        Assert.Equal(Posts(comparison.Scenario.District(district.DistrictCode).Years[0].GapPosts), compared.QuerySelector(".scenario")!.TextContent);
        Assert.Equal(before, compared.QuerySelector(".baseline")!.TextContent);

        // Save by name: stored in the warehouse, the URL names it, the export links carry it.
        cut.Find("#scenario-name").Change("流失加倍");
        cut.Find("#scenario-controls").Submit();
        Assert.Contains("流失加倍", service.ScenarioNames());
        Assert.Equal(assumptions.AttritionChange, service.Resolve("流失加倍").Assumptions.AttritionChange);
        Assert.Equal(assumptions.PassRateChange, service.Resolve("流失加倍").Assumptions.PassRateChange);
        cut.WaitForAssertion(() => Assert.Contains("scenario=%E6%B5%81", cut.Find("#export-csv").GetAttribute("href")), TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("#export-unsaved"));
    }

    [Fact]
    public async Task A_district_approving_more_posts_closes_more_of_its_gap()
    {
        using var forecast = new ForecastContext(demo);
        var service = forecast.Get<ForecastService>();
        var model = await forecast.Get<ForecastModelCache>().GetAsync(2030);
        // The district with the largest 2026 gap under the baseline.
        var baseline = service.Project(model);
        var district = baseline.Districts.Where(d => d.Method.IsModel).OrderByDescending(d => d.Years.First().GapPosts).First();
        Assert.True(district.Years.First().GapPosts >= 1, "the demo history should leave some district with a gap");
        var cut = OpenFitted(forecast, $"forecast?district={district.DistrictCode}&to=2030&target=2026");
        var shown = int.Parse(cut.Find("#approved-posts").GetAttribute("value")!, CultureInfo.InvariantCulture);
        Assert.Equal((int)Math.Round(model.History.Single(d => d.DistrictCode == district.DistrictCode).RecentApprovedPosts), shown);

        cut.Find("#approved-posts").Change((shown + 200).ToString(CultureInfo.InvariantCulture));

        var more = ScenarioAssumptions.Baseline with { PostsApprovedPerYear = new Dictionary<string, int> { [district.DistrictCode] = shown + 200 } };
        var expected = service.Compare(model, more, "x", 2030).Scenario.District(district.DistrictCode).Years.First();
        var row = cut.Find($"#compare tbody tr[data-year='{expected.Year}']");
        Assert.Equal(Posts(expected.GapPosts), row.QuerySelector(".scenario")!.TextContent);
        Assert.True(expected.GapPosts < district.Years.First().GapPosts, "approving more posts should lower the district's gap");
    }

    [Fact]
    public void A_warehouse_change_refits_the_model_and_the_page_rerenders()
    {
        using var forecast = new ForecastContext();
        var cut = forecast.Open();
        cut.WaitForElement("#forecast-empty", Fitting);

        // A load lands (the sample's register and rosters): the cached fit is dropped, the page refits and shows figures.
        forecast.Context.Warehouse.WithWorkforce();
        forecast.Get<WarehouseEvents>().RaiseChanged();
        cut.WaitForElement("#plan", Fitting);
        Assert.NotNull(cut.Find("#baseline-only"));
    }
}
