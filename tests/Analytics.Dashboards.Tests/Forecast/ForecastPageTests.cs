using System.Globalization;
using Analytics.Dashboards.Forecast;
using Analytics.Dashboards.Tests.Support;
using Analytics.Dashboards.WarehouseReads;
using Analytics.Warehouse.Storage;
using Analytics.Etl.Forecasting;

namespace Analytics.Dashboards.Tests.Forecast;

/// <summary>The 预测 page in bUnit on real warehouses: a history too short for the unit model, and five years of demo history.</summary>
[Collection(DemoHistoryCollection.Name)]
public sealed class ForecastPageTests(DemoHistory demo)
{
    private static readonly TimeSpan Fitting = TimeSpan.FromSeconds(120);
    private static readonly CultureInfo Zh = CultureInfo.GetCultureInfo("zh-CN");

    private static string Posts(double value) => ((long)Math.Round(value, MidpointRounding.AwayFromZero)).ToString("N0", Zh);

    private static IRenderedComponent<ForecastPage> OpenFitted(ForecastContext forecast, string uri = "forecast")
    {
        var cut = forecast.Open(uri);
        cut.WaitForElement("#forecast-table", Fitting);
        return cut;
    }

    [Fact]
    public void A_history_too_short_for_the_unit_model_ships_a_baseline_says_so_and_offers_no_quota()
    {
        using var forecast = new ForecastContext();
        forecast.Context.Warehouse.WithWorkforce();

        var cut = OpenFitted(forecast);

        var stored = forecast.Get<GapForecasts>().Forecast();
        Assert.True(stored.BaselineWins);
        Assert.Contains("没有胜过基准方法", cut.Find("#forecast-statement").TextContent);
        Assert.Contains("保持现状", cut.Find("#forecast-statement").TextContent); // the method's name in Chinese
        Assert.NotNull(cut.Find("#plan-note"));
        var city = stored.Points.Where(p => p.DistrictCode == GapForecast.CityCode).ToList();
        var rows = cut.FindAll("#forecast-table tbody tr");
        Assert.Equal(city.Select(p => p.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), rows.Select(r => r.GetAttribute("data-as-of")));
        Assert.Equal(city.Select(p => Posts(p.GapPosts)), rows.Select(r => r.QuerySelector(".gap")!.TextContent));
    }

    [Fact]
    public void An_empty_warehouse_says_there_is_nothing_to_forecast()
    {
        using var forecast = new ForecastContext();
        var cut = forecast.Open();
        cut.WaitForElement("#forecast-empty", Fitting);
        Assert.Empty(cut.FindAll("#forecast-table"));
    }

    [Fact]
    public void With_enough_history_the_page_shows_the_fitting_state_then_the_stored_forecast_and_its_backtest()
    {
        using var forecast = new ForecastContext(demo);
        var cut = forecast.Open("forecast?district=510104&to=2030&target=2025");
        Assert.NotNull(cut.Find("#forecast-fitting"));
        cut.WaitForElement("#forecast-table", Fitting);

        var forecasts = forecast.Get<GapForecasts>();
        var stored = forecasts.Forecast(2030);
        var jinjiang = stored.Points.Where(p => p.DistrictCode == "510104").ToList();
        var rows = cut.FindAll("#forecast-table tbody tr");
        Assert.Equal(jinjiang.Select(p => Posts(p.GapPosts)), rows.Select(r => r.QuerySelector(".gap")!.TextContent));
        Assert.Equal(jinjiang.Select(p => Posts(p.QualifiedPosts)), rows.Select(r => r.QuerySelector(".qualified")!.TextContent));
        Assert.Equal(Posts(jinjiang.Single(p => p.AsOf == new DateOnly(2025, 12, 31)).GapPosts), cut.Find("#gap-target").TextContent);

        // The backtest card: every method's gap MAE at each horizon, as stored; the shipped one marked; origins per horizon.
        var backtest = forecasts.Backtest(2030);
        foreach (var cell in backtest.Cells.Where(c => c.Quantity == "gap"))
            Assert.StartsWith(cell.Mae.ToString("N2", Zh), cut.Find($"#backtest tr[data-method='{cell.Method}'] td[data-horizon='{cell.Horizon}']").TextContent);
        Assert.Contains("chosen", cut.Find($"#backtest tr[data-method='{backtest.GapMethod}']").ClassList);
        Assert.NotEmpty(cut.FindAll("#backtest-coverage li"));
        Assert.Contains(stored.BaselineWins ? "没有胜过基准方法" : "预测采用", cut.Find("#forecast-statement").TextContent);
        Assert.NotNull(cut.Find(".chart img"));

        // The quota plan: the district and its towns, two rows each (the scenario, the recommendation).
        var planRows = cut.FindAll("#plan tbody tr");
        Assert.True(planRows.Count >= 4);
        Assert.Equal(planRows.Count / 2, planRows.Count(r => r.GetAttribute("data-recommendation") == "true"));
    }

    [Fact]
    public async Task A_scenario_change_moves_the_unit_models_gap_is_exported_as_on_screen_and_can_be_saved()
    {
        using var forecast = new ForecastContext(demo);
        var forecasts = forecast.Get<GapForecasts>();
        await forecast.Get<ForecastCache>().GetAsync(2030);
        var district = forecasts.Compare(ScenarioAssumptions.Baseline, 2030).Where(g => g.DistrictCode != GapForecast.CityCode)
            .OrderByDescending(g => g.BaselineGap).First().DistrictCode;
        var cut = OpenFitted(forecast, $"forecast?district={district}&to=2030");
        var first = cut.Find("#compare tbody tr").GetAttribute("data-as-of");
        var before = cut.Find("#compare tbody tr .scenario").TextContent;

        cut.Find("#attrition-change").Change("100");
        var assumptions = ScenarioAssumptions.Baseline with { AttritionChange = 1.0 };
        var expected = forecasts.Compare(assumptions, 2030).Single(g => g.DistrictCode == district && g.AsOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) == first);
        cut.WaitForAssertion(() => Assert.Equal(Posts(expected.ScenarioGapPosts), cut.Find("#compare tbody tr .scenario").TextContent), TimeSpan.FromSeconds(60));
        Assert.Equal(before, cut.Find("#compare tbody tr .baseline").TextContent);
        Assert.True(expected.ScenarioGapPosts >= expected.BaselineGap);
        Assert.InRange(int.Parse(cut.Find("#projection-elapsed").GetAttribute("data-ms")!, CultureInfo.InvariantCulture), 0, 60_000);
        Assert.NotNull(cut.Find("#export-unsaved"));
        Assert.Contains("attrition=1", cut.Find("#export-csv").GetAttribute("href"));

        cut.Find("#scenario-name").Change("流失加倍");
        cut.Find("#scenario-controls").Submit();
        Assert.Contains("流失加倍", forecasts.ScenarioNames());
        Assert.Equal(1.0, forecasts.Resolve("流失加倍").Assumptions.AttritionChange);
        cut.WaitForAssertion(() => Assert.Contains("scenario=%E6%B5%81", cut.Find("#export-csv").GetAttribute("href")), TimeSpan.FromSeconds(10));
        Assert.Empty(cut.FindAll("#export-unsaved"));
    }

    [Fact]
    public async Task A_district_approving_more_posts_closes_more_of_its_gap()
    {
        using var forecast = new ForecastContext(demo);
        var forecasts = forecast.Get<GapForecasts>();
        await forecast.Get<ForecastCache>().GetAsync(2030);
        var gaps = forecasts.Compare(ScenarioAssumptions.Baseline, 2030);
        var district = gaps.Where(g => g.DistrictCode != GapForecast.CityCode).OrderByDescending(g => g.BaselineGap).First().DistrictCode;
        var cut = OpenFitted(forecast, $"forecast?district={district}&to=2030");
        var shown = int.Parse(cut.Find("#approved-posts").GetAttribute("value")!, CultureInfo.InvariantCulture);

        cut.Find("#approved-posts").Change((shown + 200).ToString(CultureInfo.InvariantCulture));

        var more = ScenarioAssumptions.Baseline with { PostsApprovedPerYear = new Dictionary<string, int> { [district] = shown + 200 } };
        var expected = forecasts.Compare(more, 2030).Where(g => g.DistrictCode == district).ToList();
        var last = expected[^1];
        // The re-projection (with the district's quota plan) takes a moment: wait for the render it ends with.
        cut.WaitForAssertion(() => Assert.Equal(Posts(last.ScenarioGapPosts),
            cut.Find($"#compare tbody tr[data-as-of='{last.AsOf:yyyy-MM-dd}'] .scenario").TextContent), TimeSpan.FromSeconds(60));
        Assert.True(last.ScenarioGapPosts < last.BaselineGap, "approving more posts should lower the district's gap");
    }

    [Fact]
    public void A_warehouse_change_refits_and_the_page_rerenders()
    {
        using var forecast = new ForecastContext();
        var cut = forecast.Open();
        cut.WaitForElement("#forecast-empty", Fitting);

        forecast.Context.Warehouse.WithWorkforce();
        forecast.Get<WarehouseChangeNotifier>().Raise();
        cut.WaitForElement("#forecast-table", Fitting);
        Assert.NotNull(cut.Find("#forecast-statement"));
    }
}
