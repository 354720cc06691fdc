using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Benchmarks;

/// <summary>
/// The headline metric macros as the pages call them: district_progress and city_progress at 30 as-of dates spread
/// from the first roster snapshot to the last (most of them between snapshots), each call read to the last row,
/// after one warm-up call. p50 and p95 of the 30 calls.
/// </summary>
internal static class MetricTimings
{
    public const double P95TargetMilliseconds = 100;
    public const int Dates = 30;

    private static readonly string[] Macros = ["district_progress", "city_progress"];

    public static IEnumerable<BenchMeasure> Measure(WarehouseOptions options, string scope, TextWriter log)
    {
        using var connection = new WarehouseDatabase(options).Open();
        var (first, last) = SnapshotRange(connection);
        var dates = Enumerable.Range(0, Dates).Select(i => first.AddDays((int)Math.Round((last.DayNumber - first.DayNumber) * i / (Dates - 1.0)))).ToList();
        log.WriteLine($"指标 metrics: {string.Join(", ", Macros)} at {Dates} dates {first:yyyy-MM-dd}..{last:yyyy-MM-dd} ({scope}) ...");
        var measures = new List<BenchMeasure>();
        foreach (var macro in Macros)
        {
            Call(connection, macro, last);
            var times = dates.Select(d => BenchStats.Seconds(() => Call(connection, macro, d)) * 1000).ToList();
            measures.Add(BenchMeasure.Info($"{macro} p50 ({scope}, {Dates} dates)", BenchStats.Percentile(times, 0.5), "ms"));
            measures.Add(BenchMeasure.AtMost($"{macro} p95 ({scope}, {Dates} dates)", BenchStats.Percentile(times, 0.95), "ms", P95TargetMilliseconds));
        }

        return measures;
    }

    private static (DateOnly First, DateOnly Last) SnapshotRange(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(as_of), max(as_of) FROM roster_snapshot";
        using var reader = command.ExecuteReader();
        if (!reader.Read() || reader.IsDBNull(0)) throw new InvalidOperationException("the warehouse holds no roster snapshot");
        return (reader.GetFieldValue<DateOnly>(0), reader.GetFieldValue<DateOnly>(1));
    }

    private static void Call(DuckDBConnection connection, string macro, DateOnly asOf)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {macro}($as_of)"; // the macro name is one of the fixed names above
        command.Parameters.Add(new DuckDBParameter("as_of", asOf));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
        }
    }
}
