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
    public const double MainJobTargetSeconds = 60, FitTargetSeconds = 5, ScenarioTargetMilliseconds = 1000;

    private string Scope => quick ? "quick 2025–2026" : "city 2019–2026";

    public IReadOnlyList<BenchMeasure> Run()
    {
        var measures = new List<BenchMeasure>();
        var main = BenchWarehouse.Options(Path.Combine(outDir, "main", "warehouse.duckdb"));
        var archive = Path.Combine(outDir, "main", "archive");
        measures.AddRange(MainJob(main, out var loaded));
        measures.AddRange(ReadCsvBaseline.Ratios(ReadCsvBaseline.Measure(ArchivedFolder(archive), loaded, Path.Combine(outDir, "read_csv"), log), Scope));
        measures.AddRange(Appender(quick ? 200_000 : 2_000_000));
        var last = new DateOnly(BenchWarehouse.DemoOptions("", quick).To, 6, 30);
        measures.AddRange(RosterMemory.Measure(Path.Combine(outDir, "memory"), archive, last, Scope, ratioIsTarget: false, log));
        measures.AddRange(MetricQueryBench.Measures(main, Scope, log));
        measures.AddRange(Forecasts(main));
        return measures;
    }

    /// <summary>The dated folder the inbox moved the loaded files into.</summary>
    private static string ArchivedFolder(string archive) => Directory.GetDirectories(archive).Single();

    /// <summary>Generate the demo history into the inbox and load it with the inbox processor, as a fresh install does.</summary>
    private IEnumerable<BenchMeasure> MainJob(WarehouseOptions options, out IReadOnlyList<LoadFileSample> loaded)
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
        loaded = scan.Report.Files.Select(f => new LoadFileSample(f.FileName, f.Kind?.Code ?? "", f.EncodingName ?? "", f.RowsRead, f.RowsLoaded, f.Seconds)).ToList();
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

    /// <summary>The forecast's measures (ForecastBenchmark: history read, fit + backtest, quota plan, scenario change).</summary>
    private IEnumerable<BenchMeasure> Forecasts(WarehouseOptions options) =>
        new ForecastBenchmark(options, log).Run("city", quick);
}
