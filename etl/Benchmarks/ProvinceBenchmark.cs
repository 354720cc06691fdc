using Analytics.Etl.DemoData;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// The province-scale measures (docs/benchmarks.md): the province demo (~5.2 M rows) loaded as the CLI `load` does it,
/// in a child process (time and peak memory); DuckDB's read_csv on the same rosters; 1× against 4× the largest
/// province roster; the headline macros on the province warehouse. Never in CI: a run takes minutes.
/// </summary>
internal sealed class ProvinceBenchmark(string outDir, bool quick, TextWriter log)
{
    public const double PeakMemoryTargetMb = 1024;

    private string Scope => quick ? "province 2025–2026" : "province 2019–2026";

    public IReadOnlyList<BenchMeasure> Run()
    {
        var demo = Path.Combine(outDir, "province", "demo");
        var options = BenchWarehouse.DemoOptions(demo, quick) with { Scale = DemoDataOptions.Province };
        log.WriteLine($"省级演示数据 province demo: generating ({Scope}) into {demo} ...");
        DemoDataSummary summary = null!;
        var generate = BenchStats.Seconds(() => summary = DemoDataGenerator.Write(options));
        log.WriteLine($"  {summary.Files.Count} files, {summary.TotalRows:N0} rows in {generate:0.0} s; loading them as `load` does, in a child process ...");
        var warehouse = BenchWarehouse.Options(Path.Combine(outDir, "province", "warehouse.duckdb"));
        var load = LoadMemoryProbe.MeasureInChild(demo, warehouse.Path, TimeSpan.FromHours(3));
        log.WriteLine($"  read {load.RowsRead:N0} rows, loaded {load.RowsLoaded:N0} in {load.Seconds:0.0} s, peak {load.PeakBytes / 1048576.0:N0} MB");
        const double mb = 1024 * 1024;
        var measures = new List<BenchMeasure>
        {
            BenchMeasure.Info($"演示数据生成 demo generation ({Scope})", generate, "s"),
            BenchMeasure.Info($"省级加载 province load, CLI ({load.RowsRead:N0} rows, {load.Files.Count} files)", load.Seconds, "s"),
            BenchMeasure.Info($"加载吞吐 province load throughput", BenchStats.PerSecond(load.RowsRead, load.Seconds), "rows/s"),
            BenchMeasure.AtMost("峰值内存 peak memory, province load (CLI)", load.PeakBytes / mb, "MB", PeakMemoryTargetMb),
        };
        measures.AddRange(ReadCsvBaseline.Ratios(ReadCsvBaseline.Measure(demo, load.Files, Path.Combine(outDir, "province", "read_csv"), log), Scope));
        measures.AddRange(RosterMemory.Measure(Path.Combine(outDir, "province", "memory"), demo, new DateOnly(options.To, 6, 30), Scope, ratioIsTarget: true, log));
        measures.AddRange(MetricQueryBench.Measures(warehouse, Scope, log));
        return measures;
    }
}
