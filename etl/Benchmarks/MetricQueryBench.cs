using System.Diagnostics;
using DuckDB.NET.Data;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// Warm query times of a metric macro over as-of dates spread across the warehouse's history: every roster snapshot
/// date and a date between each two (75 days after each), up to <see cref="Dates"/> dates, each called in
/// <see cref="Rounds"/> rounds after one warm-up round. Reports p50 / p95 wall time and the process CPU time per call.
/// </summary>
internal static class MetricQueryBench
{
    public const int Dates = 30;
    public const int Rounds = 3;

    /// <summary>The target for district_progress and city_progress at province scale: p95 ≤ 100 ms.</summary>
    public const double P95TargetMilliseconds = 100;

    public sealed record Result(string Macro, int Calls, double P50Milliseconds, double P95Milliseconds, double CpuMillisecondsPerCall);

    /// <summary>Times <c>SELECT * FROM macro($as_of)</c>; <paramref name="macro"/> is a fixed identifier (e.g. "district_progress").</summary>
    public static Result Measure(DuckDBConnection connection, string macro)
    {
        if (!macro.All(c => char.IsAsciiLetterLower(c) || c == '_')) throw new ArgumentException($"not a macro name: {macro}", nameof(macro));
        var dates = AsOfDates(connection);
        if (dates.Count == 0) throw new InvalidOperationException("the warehouse has no roster snapshot to measure at");
        var times = new List<double>();
        var process = Process.GetCurrentProcess();
        var cpuBefore = TimeSpan.Zero;
        for (var round = 0; round <= Rounds; round++)
        {
            if (round == 1)
            {
                process.Refresh();
                cpuBefore = process.TotalProcessorTime;
            }
            foreach (var date in dates)
            {
                var watch = Stopwatch.StartNew();
                using var command = connection.CreateCommand();
                command.CommandText = $"SELECT * FROM {macro}($as_of)";
                command.Parameters.Add(new DuckDBParameter("as_of", date));
                using var reader = command.ExecuteReader();
                while (reader.Read()) { }
                if (round > 0) times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuBefore).TotalMilliseconds / times.Count;
        times.Sort();
        return new Result(macro, times.Count, Percentile(times, 0.50), Percentile(times, 0.95), cpu);
    }

    /// <summary>district_progress and city_progress on the warehouse of a bench run, as the pages call them.</summary>
    public static IEnumerable<BenchMeasure> Measures(Analytics.Warehouse.Storage.WarehouseOptions options, string scale, TextWriter log)
    {
        using var connection = new Analytics.Warehouse.Storage.WarehouseDatabase(options).Open();
        log.WriteLine($"指标 metrics: district_progress, city_progress at up to {Dates} as-of dates, {Rounds} warm rounds ({scale}) ...");
        return Measures(connection, scale, "district_progress", "city_progress").ToList();
    }

    /// <summary>The measures to print: p50 for information, p95 against the target.</summary>
    public static IEnumerable<BenchMeasure> Measures(DuckDBConnection connection, string scale, params string[] macros) =>
        macros.Select(m => Measure(connection, m)).SelectMany(r => new[]
        {
            BenchMeasure.Info($"{r.Macro} p50 warm, {r.Calls} calls ({scale})", r.P50Milliseconds, "ms"),
            BenchMeasure.AtMost($"{r.Macro} p95 warm, {Dates} as-of dates ({scale})", r.P95Milliseconds, "ms", P95TargetMilliseconds),
            BenchMeasure.Info($"{r.Macro} CPU per call ({scale})", r.CpuMillisecondsPerCall, "ms"),
        });

    /// <summary>Nearest-rank percentile of sorted values.</summary>
    internal static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static List<DateOnly> AsOfDates(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT d FROM (
                SELECT as_of AS d FROM roster_snapshot
                UNION SELECT CAST(as_of + INTERVAL 75 DAY AS DATE) FROM roster_snapshot
                    WHERE as_of < (SELECT max(as_of) FROM roster_snapshot))
            ORDER BY d
            """;
        using var reader = command.ExecuteReader();
        var dates = new List<DateOnly>();
        while (reader.Read()) dates.Add(reader.GetFieldValue<DateOnly>(0));
        return dates.Take(Dates).ToList();
    }
}
