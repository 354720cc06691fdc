using Analytics.Etl.DemoData;
using Analytics.Etl.Scheduling;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// The ETL and forecast measures (docs/benchmarks.md): the main job (fresh start → city demo generated and loaded
/// through the inbox), load throughput, the raw appender, peak memory of a 1× and a 4× roster load, forecast fit and a
/// scenario change. Targets are reported, never asserted; an exception is a fault of the run.
/// </summary>
internal sealed class EtlBenchmark(string outDir, bool quick, TextWriter log)
{
    public const double MainJobTargetSeconds = 60, PeakMemoryRatioTarget = 1.2, FitTargetSeconds = 5, ScenarioTargetMilliseconds = 1000;

    private string Scope => quick ? "quick 2025–2026" : "city 2019–2026";

    public IReadOnlyList<BenchMeasure> Run()
    {
        var measures = new List<BenchMeasure>();
        var main = BenchWarehouse.Options(Path.Combine(outDir, "main", "warehouse.duckdb"));
        measures.AddRange(MainJob(main));
        measures.AddRange(Appender(quick ? 200_000 : 2_000_000));
        measures.AddRange(LoadMemory(Path.Combine(outDir, "main", "archive")));
        measures.AddRange(Forecasts(main));
        return measures;
    }

    /// <summary>Generate the demo history into the inbox and load it with the inbox processor, as a fresh install does.</summary>
    private IEnumerable<BenchMeasure> MainJob(WarehouseOptions options)
    {
        var inbox = BenchWarehouse.Inbox(options);
        var incoming = Path.Combine(inbox.Options.Inbox, ".incoming");
        log.WriteLine($"主任务 main job: generating the demo history ({Scope}) into {inbox.Options.Inbox} ...");
        DemoDataSummary summary = null!;
        var generate = BenchStats.Seconds(() =>
        {
            summary = DemoDataGenerator.Write(BenchWarehouse.DemoOptions(incoming, quick));
            foreach (var file in Directory.GetFiles(incoming)) File.Move(file, Path.Combine(inbox.Options.Inbox, Path.GetFileName(file)));
            Directory.Delete(incoming);
        });
        log.WriteLine($"  {summary.Files.Count} files, {summary.TotalRows:N0} rows in {generate:0.0} s; loading through the inbox ...");
        InboxScanResult scan = null!;
        var load = BenchStats.Seconds(() => scan = inbox.RunOnce());
        BenchWarehouse.RequireAllLoaded(scan.Report, "main job");
        var read = scan.Report.Files.Sum(f => f.RowsRead);
        log.WriteLine($"  read {read:N0} rows, loaded {scan.Report.RowsLoaded:N0}, quarantined {scan.Report.RowsQuarantined:N0} in {load:0.0} s");
        return
        [
            BenchMeasure.Info($"演示数据生成 demo generation ({Scope})", generate, "s"),
            BenchMeasure.Info($"全量加载 full demo load via inbox ({read:N0} rows)", load, "s"),
            BenchMeasure.Info("加载吞吐 validated load throughput", BenchStats.PerSecond(read, load), "rows/s"),
            BenchMeasure.AtMost($"主任务 fresh start → loaded demo ({Scope})", generate + load, "s", MainJobTargetSeconds),
        ];
    }

    /// <summary>The raw DuckDB appender: 5 columns into a plain table, no validation (the ceiling for the loader).</summary>
    private IEnumerable<BenchMeasure> Appender(int rows)
    {
        var path = Path.Combine(outDir, "appender.duckdb");
        File.Delete(path);
        log.WriteLine($"追加器 appender: {rows:N0} rows × 5 columns ...");
        using var connection = new DuckDBConnection($"Data Source={path}");
        connection.Open();
        using (var create = connection.CreateCommand())
        {
            create.CommandText = "CREATE TABLE t (id INTEGER, code VARCHAR, day DATE, amount DOUBLE, flag BOOLEAN)";
            create.ExecuteNonQuery();
        }
        var codes = Enumerable.Range(0, 1000).Select(i => "510104" + i.ToString("D6", System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        var seconds = BenchStats.Seconds(() =>
        {
            using var appender = connection.CreateAppender("t");
            for (var i = 0; i < rows; i++)
                appender.CreateRow().AppendValue(i).AppendValue(codes[i % codes.Length])
                    .AppendValue(new DateOnly(2020, 1, 1).AddDays(i % 2000)).AppendValue(i * 0.5).AppendValue(i % 2 == 0).EndRow();
        });
        return [BenchMeasure.Info("追加器吞吐 raw appender (5 columns)", BenchStats.PerSecond(rows, seconds), "rows/s")];
    }

    /// <summary>Peak resident memory loading the last roster (1×) and four times its rows (4×), each in a fresh process.</summary>
    private IEnumerable<BenchMeasure> LoadMemory(string archive)
    {
        string Archived(string name) => Directory.GetFiles(archive, name, SearchOption.AllDirectories).Single();
        var folder = Path.Combine(outDir, "memory");
        Directory.CreateDirectory(folder);
        var register = BenchWarehouse.Options(Path.Combine(folder, "register.duckdb"));
        BenchWarehouse.RequireAllLoaded(BenchWarehouse.Loader(register).Load(
            [Archived(DemoDataGenerator.RegisterFileName), Archived(DemoDataGenerator.RegisterAdjustmentFileName)]), "org register");
        var roster = Archived(DemoDataGenerator.RosterFileName(new DateOnly(BenchWarehouse.DemoOptions("", quick).To, 6, 30)));
        var samples = new Dictionary<int, LoadMemorySample>();
        foreach (var times in new[] { 1, 4 })
        {
            var file = Path.Combine(folder, $"roster-{times}x.csv");
            var rows = RosterScaler.Write(roster, file, times);
            var db = Path.Combine(folder, $"load-{times}x.duckdb");
            File.Copy(register.Path, db, overwrite: true);
            log.WriteLine($"内存 memory: loading a {times}× roster ({rows:N0} rows, {new FileInfo(file).Length / 1e6:0.0} MB) in a fresh process ...");
            samples[times] = LoadMemoryProbe.MeasureInChild(file, db);
        }
        const double mb = 1024 * 1024;
        var (one, four) = (samples[1], samples[4]);
        return
        [
            BenchMeasure.Info("峰值内存 peak memory, 1× roster load", one.PeakBytes / mb, "MB"),
            BenchMeasure.Info("峰值内存 peak memory, 4× roster load", four.PeakBytes / mb, "MB"),
            BenchMeasure.AtMost("峰值内存比 peak memory 4× / 1× (≈ 1: streams)", (double)four.PeakBytes / one.PeakBytes, "×", PeakMemoryRatioTarget),
            BenchMeasure.Info("加载期增长比 growth during load 4× / 1×", one.GrowthBytes == 0 ? 0 : (double)four.GrowthBytes / one.GrowthBytes, "×"),
            BenchMeasure.Info("花名册加载吞吐 roster load throughput (4×)", BenchStats.PerSecond(four.RowsRead, four.Seconds), "rows/s"),
        ];
    }

    /// <summary>The forecast's measures (ForecastBenchmark: history read, fit + backtest, quota plan, scenario change).</summary>
    private IEnumerable<BenchMeasure> Forecasts(WarehouseOptions options) =>
        new ForecastBenchmark(options, log).Run("city", quick);
}
