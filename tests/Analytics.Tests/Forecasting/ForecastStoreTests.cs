using Analytics.Etl.Forecasting;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Forecasting;

public sealed class ForecastStoreTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("forecast-store-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private WarehouseDatabase Database() => new(new WarehouseOptions { Path = Path.Combine(_folder, "w.duckdb") });

    [Fact]
    public void Scenarios_AreSavedByName_ReplacedOnResave_AndResolvedByTheService()
    {
        var db = Database();
        var service = new ForecastService(db, TimeProvider.System);
        var first = new ScenarioAssumptions(new Dictionary<string, int> { ["510104"] = 30 }, 0.05, -0.1);
        service.SaveScenario("扩岗", first);
        service.SaveScenario("扩岗", first with { AttritionChange = -0.2 });
        service.SaveScenario("保守", ScenarioAssumptions.Baseline);

        Assert.Equal(["保守", "扩岗"], service.ScenarioNames());
        var (name, loaded) = service.Resolve("扩岗");
        Assert.Equal("扩岗", name);
        Assert.Equal(30, loaded.PostsApprovedPerYear["510104"]);
        Assert.Equal(0.05, loaded.PassRateChange);
        Assert.Equal(-0.2, loaded.AttritionChange);
        Assert.Equal(ForecastService.BaselineName, service.Resolve(null).Name);
        Assert.Throws<KeyNotFoundException>(() => service.Resolve("没有"));
    }

    [Fact]
    public void SaveRun_WritesEveryDistrictYearAndTheCity_AndTheBacktest()
    {
        var db = Database();
        var model = ForecastModel.Fit(SyntheticHistory.City(districts: 5), new ForecastOptions { Learners = [FlowLearner.Sdca] });
        var outcome = model.Project(ScenarioAssumptions.Baseline, ForecastService.BaselineName);
        using var connection = db.Open();
        ForecastStore.SaveRun(connection, model, outcome, new DateTimeOffset(2025, 3, 1, 2, 0, 0, TimeSpan.Zero));

        using var cmd = connection.CreateCommand();
        cmd.CommandText = """
            SELECT count(*), count(*) FILTER (WHERE district_code = '510100'), sum(gap_posts) FILTER (WHERE district_code <> '510100' AND year = 2030),
                   (SELECT count(*) FROM forecast_backtest WHERE chosen AND district_code IS NULL)
            FROM forecast_latest
            """;
        using var r = cmd.ExecuteReader();
        Assert.True(r.Read());
        Assert.Equal(6 * 6, Convert.ToInt32(r.GetValue(0)));
        Assert.Equal(6, Convert.ToInt32(r.GetValue(1)));
        Assert.Equal(outcome.City[^1].GapPosts, r.GetDouble(2), 6);
        Assert.Equal(1, Convert.ToInt32(r.GetValue(3)));
    }
}
