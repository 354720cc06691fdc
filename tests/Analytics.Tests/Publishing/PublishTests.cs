using System.Globalization;
using Analytics.Etl.DemoData;
using Analytics.Tests.Cli;
using DuckDB.NET.Data;

namespace Analytics.Tests.Publishing;

/// <summary>
/// `etl publish` on a loaded demo warehouse: a read-only copy that answers the metric macros exactly as the warehouse
/// does, its version marker, and Parquet in hive layout (snapshot=…/district=…) whose rows agree with the warehouse.
/// </summary>
public sealed class PublishTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-publish-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    private static List<string> Rows(string database, string sql)
    {
        using var connection = new DuckDBConnection($"Data Source={database};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join("|", Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        return rows;
    }

    [Fact]
    public async Task Publish_writes_a_read_only_copy_with_a_marker_and_hive_partitioned_parquet_that_agree_with_the_warehouse()
    {
        var extracts = Path.Combine(folder, "extracts");
        DemoDataGenerator.Write(new DemoDataOptions(extracts, From: 2025, To: 2026));
        var warehouse = Path.Combine(folder, "warehouse.duckdb");
        var copy = Path.Combine(folder, "published", "warehouse.duckdb");
        var parquet = Path.Combine(folder, "published", "parquet");
        var load = await EtlProcess.RunAsync(folder, "load", extracts, "--db", warehouse);
        Assert.True(load.ExitCode == 0, load.Out + load.Err);

        var publish = await EtlProcess.RunAsync(folder, "publish", "--db", warehouse, "--to", copy, "--parquet", parquet);

        Assert.True(publish.ExitCode == 0, publish.Out + publish.Err);
        Assert.True(File.Exists(copy + ".version"));
        Assert.False(File.Exists(copy + ".publishing"));
        var latest = Rows(warehouse, "SELECT max(as_of) FROM roster_snapshot").Single();
        const string progress = "SELECT * FROM district_progress((SELECT max(as_of) FROM roster_snapshot)) ORDER BY district_code";
        Assert.Equal(Rows(warehouse, progress), Rows(copy, progress));
        Assert.Equal(Rows(warehouse, "SELECT count(*) FROM load_run"), Rows(copy, "SELECT count(*) FROM load_run"));
        Assert.Contains(latest, Rows(copy, "SELECT max(as_of) FROM roster_snapshot"));

        var snapshots = Rows(warehouse, "SELECT DISTINCT strftime(snapshot, '%Y-%m-%d') FROM fact_worker ORDER BY 1");
        Assert.True(snapshots.Count >= 2);
        foreach (var (output, source) in new[]
        {
            ("facts/worker", "SELECT w.snapshot, u.district_code AS district FROM fact_worker w JOIN fact_unit u USING (unit_id)"),
            ("facts/unit_people", "SELECT p.snapshot, u.district_code AS district FROM fact_unit_people p JOIN fact_unit u USING (unit_id)"),
            ("metrics/district_progress", "SELECT as_of AS snapshot, district_code AS district FROM snapshot_district_progress"),
        })
        {
            var root = Path.Combine(parquet, output);
            var hiveDirs = Directory.GetDirectories(root).Select(Path.GetFileName).ToList();
            Assert.All(hiveDirs, d => Assert.StartsWith("snapshot=", d));
            Assert.All(Directory.GetDirectories(root, "*", SearchOption.AllDirectories).Where(d => Path.GetFileName(Path.GetDirectoryName(d)!).StartsWith("snapshot=", StringComparison.Ordinal)),
                d => Assert.StartsWith("district=", Path.GetFileName(d)));
            var expected = Rows(warehouse, $"SELECT strftime(snapshot, '%Y-%m-%d'), district, count(*) FROM ({source}) GROUP BY ALL ORDER BY ALL");
            var actual = Rows(warehouse,
                $"SELECT strftime(CAST(snapshot AS DATE), '%Y-%m-%d'), CAST(district AS VARCHAR), count(*) FROM read_parquet('{root}/**/*.parquet', hive_partitioning = true) GROUP BY ALL ORDER BY ALL");
            Assert.Equal(expected, actual);
        }
        Assert.Equal(snapshots.Select(s => "snapshot=" + s), Directory.GetDirectories(Path.Combine(parquet, "facts/worker")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }
}
