using Analytics.Etl.Cli;
using Analytics.Etl.DemoData;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// Peak resident memory of the CLI's load of one roster (1×) and of four times its rows (4×, the copies with other
/// valid ID numbers, so other people), each in a fresh process, into a warehouse holding only the org register.
/// A load that streams stays at about the same peak.
/// </summary>
internal static class RosterMemory
{
    public const double PeakMemoryRatioTarget = 1.2;

    /// <summary>A warehouse holding only the demo's org register (and its 2020 adjustment), loaded as `load` does.</summary>
    public static string RegisterWarehouse(string path, string demoFolder)
    {
        string Demo(string name) => Directory.GetFiles(demoFolder, name, SearchOption.AllDirectories).Single();
        BenchWarehouse.RequireAllLoaded(CliCommands.CliLoader(BenchWarehouse.Options(path)).Load(
            [Demo(DemoDataGenerator.RegisterFileName), Demo(DemoDataGenerator.RegisterAdjustmentFileName)]), "org register");
        return path;
    }

    /// <param name="ratioIsTarget">
    /// True at province scale: the target is a flat peak from a province roster (231,444 rows) up. A city
    /// roster (23,192 rows, 3 MB) fills only part of a CLI load's DuckDB bound (128MB), so 4× it fills more of the same
    /// bound: that ratio is printed as information.
    /// </param>
    public static IReadOnlyList<BenchMeasure> Measure(string folder, string demoFolder, DateOnly lastSnapshot, string scope, bool ratioIsTarget, TextWriter log)
    {
        Directory.CreateDirectory(folder);
        var register = RegisterWarehouse(Path.Combine(folder, "register.duckdb"), demoFolder);
        var roster = Directory.GetFiles(demoFolder, DemoDataGenerator.RosterFileName(lastSnapshot), SearchOption.AllDirectories).Single();
        var samples = new Dictionary<int, LoadMemorySample>();
        foreach (var times in new[] { 1, 4 })
        {
            var file = Path.Combine(folder, $"roster-{times}x.csv");
            var rows = RosterScaler.Write(roster, file, times);
            var db = Path.Combine(folder, $"load-{times}x.duckdb");
            File.Copy(register, db, overwrite: true);
            log.WriteLine($"内存 memory: loading a {times}× roster ({rows:N0} rows, {new FileInfo(file).Length / 1e6:0.0} MB) in a fresh process ...");
            samples[times] = LoadMemoryProbe.MeasureInChild(file, db);
        }

        const double mb = 1024 * 1024;
        var (one, four) = (samples[1], samples[4]);
        var ratio = (double)four.PeakBytes / one.PeakBytes;
        return
        [
            BenchMeasure.Info($"峰值内存 peak memory, 1× roster load ({scope}, {one.RowsRead:N0} rows)", one.PeakBytes / mb, "MB"),
            BenchMeasure.Info($"峰值内存 peak memory, 4× roster load ({scope}, {four.RowsRead:N0} rows)", four.PeakBytes / mb, "MB"),
            ratioIsTarget
                ? BenchMeasure.AtMost($"峰值内存比 peak memory 4× / 1× ({scope}; ≈ 1: streams)", ratio, "×", PeakMemoryRatioTarget)
                : BenchMeasure.Info($"峰值内存比 peak memory 4× / 1× ({scope}: below the load's DuckDB bound; target from a province roster up)", ratio, "×"),
            BenchMeasure.Info($"加载期增长比 growth during load 4× / 1× ({scope})", one.GrowthBytes == 0 ? 0 : (double)four.GrowthBytes / one.GrowthBytes, "×"),
            BenchMeasure.Info($"花名册加载吞吐 roster load throughput (4×, {scope})", BenchStats.PerSecond(four.RowsRead, four.Seconds), "rows/s"),
        ];
    }
}
