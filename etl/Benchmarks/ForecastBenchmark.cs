using Analytics.Etl.Forecasting;
using Analytics.Warehouse.Storage;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// The forecast's measures on a loaded warehouse: reading the unit × half-year history through the 060 macros, then
/// fit + backtest (every candidate at every rolling origin, the unit model's ML training included, intervals, the
/// final fit) cold and warm, and a scenario change on the fitted model (the quota plan of every district and town).
/// Entry: <see cref="Run"/>. Targets: fit + backtest ≤ 5 s at city scale, ≤ 60 s at province scale.
/// </summary>
internal sealed class ForecastBenchmark(WarehouseOptions options, TextWriter log)
{
    public const double CityFitTargetSeconds = 5, ProvinceFitTargetSeconds = 60;

    /// <param name="scope">"city" or "province" (chooses the target).</param>
    /// <param name="quick">One warm run and no quota plan: checks the bench runs, not the targets.</param>
    public IReadOnlyList<BenchMeasure> Run(string scope, bool quick = false)
    {
        var warmRuns = quick ? 1 : 3;
        var target = scope == "province" ? ProvinceFitTargetSeconds : CityFitTargetSeconds;
        var forecastOptions = new ForecastOptions(HorizonYear: GapForecasts.DefaultHorizonYear);
        var database = new WarehouseDatabase(options);
        ForecastHistory history = null!;
        log.WriteLine($"预测 forecast ({scope}): reading the unit × half-year history ...");
        var read = BenchStats.Seconds(() =>
        {
            using var connection = database.Open();
            history = ForecastHistoryReader.Read(connection, new DateOnly(9999, 12, 31), HalfYears.Of(forecastOptions.HorizonYear, 2));
        });
        log.WriteLine($"  {history.Units.Count:N0} units × {history.Points} half-years in {read:0.00} s; fit + backtest ...");
        ForecastModel model = null!;
        var cold = BenchStats.Seconds(() => model = ForecastModel.Fit(history, forecastOptions));
        var cpuBefore = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var warm = BenchStats.WarmMedianSeconds(warmRuns, _ => model = ForecastModel.Fit(history, forecastOptions));
        // CPU per fit (the warm-up included in the runs): on a shared machine wall time also measures the neighbours.
        var cpu = (System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds / (warmRuns + 1);
        log.WriteLine($"  fitted in {cold:0.00} s cold, {warm:0.00} s warm; shipped {model.GapMethod}; quota plan ...");
        var plan = quick ? 0 : BenchStats.Seconds(() => QuotaPlanner.Plan(model, ScenarioAssumptions.Baseline, "bench", QuotaPlanner.DefaultTargetYear(model), DateOnly.FromDateTime(DateTime.UtcNow)));
        var scenario = BenchStats.WarmMedianSeconds(warmRuns, i => ScenarioGaps.Of(model, ScenarioAssumptions.Baseline with { AttritionChange = 0.1 * (i + 1) }));
        var measures = new List<BenchMeasure>
        {
            BenchMeasure.Info($"预测历史读取 forecast history read ({scope}, {history.Units.Count:N0} units × {history.Points} half-years)", read, "s"),
            BenchMeasure.AtMost($"预测训练+回测 forecast fit + backtest ({scope}, first in process)", cold, "s", target),
            BenchMeasure.AtMost($"预测训练+回测 forecast fit + backtest ({scope}, warm median)", warm, "s", target),
            BenchMeasure.Info($"预测训练+回测 CPU 时间 fit + backtest CPU time per fit ({scope}, all cores summed)", cpu, "s"),
            BenchMeasure.Info($"岗位开发建议 quota plan, every district and town ({scope})", plan, "s"),
            BenchMeasure.AtMost($"情景变更 scenario change ({scope}, warm median)", scenario * 1000, "ms", 1000),
        };
        if (quick) measures.RemoveAll(m => m.Name.StartsWith("岗位开发建议", StringComparison.Ordinal));
        return measures;
    }
}
