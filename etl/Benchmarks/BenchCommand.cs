using System.CommandLine;
using Analytics.Etl.Benchmarks;

namespace Analytics.Etl.Cli;

internal static partial class CliCommands
{
    /// <summary>`bench [--quick] [--scale city|province] [--out DIR]`: ETL, metric and forecast measures against their targets (docs/benchmarks.md).</summary>
    public static Command Bench()
    {
        var quick = new Option<bool>("--quick") { Description = "Short history (2025–2026) and fewer repetitions: checks the bench runs, not the targets" };
        var scale = new Option<string>("--scale") { Description = "city (Chengdu: the main job, loads, forecasts) or province (~5.2 M rows: load, memory, macros)", DefaultValueFactory = _ => Analytics.Etl.DemoData.DemoDataOptions.City };
        scale.AcceptOnlyFromAmong(Analytics.Etl.DemoData.DemoDataOptions.City, Analytics.Etl.DemoData.DemoDataOptions.Province);
        var outDir = new Option<string?>("--out") { Description = "Working folder for the generated data and warehouses (default: a new temp folder, deleted after)" };
        var measureLoad = new Option<string?>("--measure-load") { Hidden = true, Description = "(internal) load a file or folder into --db as `load` does and print time and peak memory" };
        var db = new Option<string?>("--db") { Hidden = true, Description = "(internal) the warehouse of --measure-load" };
        var command = new Command("bench", """
            Benchmarks: time and memory of the ETL and the forecasts, printed as a table of measure, value, target and
            ratio (≤ 1 = met). Exit code 0 even when a target is missed (the table says so); 1 only on a fault.
            The dashboard pages are measured by `dotnet run --project dashboards -- bench` (see docs/benchmarks.md).
            性能基准：ETL 与预测的耗时和内存，与目标对比（比值 ≤ 1 为达标）。
            """) { quick, scale, outDir, measureLoad, db };
        command.SetAction(parseResult =>
        {
            if (parseResult.GetValue(measureLoad) is { } file)
            {
                var path = parseResult.GetValue(db) ?? throw new ArgumentException("--measure-load needs --db");
                foreach (var line in LoadMemoryProbe.MeasureHere(file, path).ToLines()) Console.WriteLine(line);
                return CliHost.Ok;
            }
            var given = parseResult.GetValue(outDir);
            var folder = Path.GetFullPath(given ?? Path.Combine(Path.GetTempPath(), "analytics-bench-" + Guid.NewGuid().ToString("N")));
            if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            {
                Console.Error.WriteLine($"--out {folder} is not empty: give a new or empty folder / 输出目录须为空");
                return CliHost.Refused;
            }
            Directory.CreateDirectory(folder);
            try
            {
                var province = parseResult.GetValue(scale) == Analytics.Etl.DemoData.DemoDataOptions.Province;
                var measures = province
                    ? new ProvinceBenchmark(folder, parseResult.GetValue(quick), Console.Out).Run()
                    : new EtlBenchmark(folder, parseResult.GetValue(quick), Console.Out).Run();
                Console.WriteLine();
                BenchTable.Write(Console.Out, measures);
                Console.WriteLine();
                Console.WriteLine("页面首次渲染 Page first renders: dotnet run -c Release --project dashboards -- bench"
                    + (given is null ? "" : $" --db {Path.Combine(folder, province ? "province" : "main", "warehouse.duckdb")}"));
                return CliHost.Ok;
            }
            finally
            {
                if (given is null) TryDelete(folder);
            }
        });
        return command;
    }

    private static void TryDelete(string folder)
    {
        try { Directory.Delete(folder, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
