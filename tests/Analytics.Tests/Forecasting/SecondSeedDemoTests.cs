using Analytics.Etl.DemoData;
using Analytics.Etl.Forecasting;
using Analytics.Etl.Loading;
using Analytics.Warehouse.People;
using Analytics.Warehouse.Storage;

namespace Analytics.Tests.Forecasting;

/// <summary>
/// On a demo history the forecast was never tuned on (the generator's seed 7, not the default and not 11): the
/// shipped point forecast's backtest MAE on the district gap is at most naive's at every horizon (or it ships naive
/// and says so), and the unit model is there for scenarios.
/// </summary>
public sealed class SecondSeedDemoTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("forecast-seed7-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void On_an_unseen_demo_history_the_shipped_forecast_is_no_worse_than_no_change_at_any_horizon()
    {
        var extracts = Path.Combine(_folder, "extracts");
        DemoDataGenerator.Write(new DemoDataOptions(extracts, Seed: 7));
        var options = new WarehouseOptions { Path = Path.Combine(_folder, "w.duckdb"), PersonKey = "seed-7-key" };
        var db = new WarehouseDatabase(options);
        var report = new ExtractLoader(db, PersonKeySource.Resolve(options, db), TimeProvider.System).Load([extracts]);
        Assert.False(report.AnyFailed);

        var forecasts = new GapForecasts(db, TimeProvider.System);
        var forecast = forecasts.Forecast();
        var backtest = forecasts.Backtest();
        Assert.Equal(7, backtest.Origins.Count); // 2022-H2 .. 2025-H2
        var shipped = backtest.Cells.Where(c => c.Method == forecast.GapMethod && c.Quantity == "gap").ToList();
        Assert.Equal(6, shipped.Count);
        Assert.All(shipped, c => Assert.True(c.RelativeToNaive <= 1, $"{c.Method} h={c.Horizon}: {c.Mae} vs naive ×{c.RelativeToNaive}"));
        if (forecast.BaselineWins) Assert.Contains("基准方法", forecast.StatementZh);
        Assert.All(forecast.Points.Where(p => p.AsOf == new DateOnly(2026, 12, 31)), p => Assert.NotNull(p.GapHi80));
        Assert.NotNull(forecasts.Model().Units);
    }
}
