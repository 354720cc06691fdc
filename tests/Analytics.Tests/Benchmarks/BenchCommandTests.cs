using Analytics.Tests.Cli;
using DuckDB.NET.Data;

namespace Analytics.Tests.Benchmarks;

/// <summary>`bench --quick` end to end through the real CLI process. No timing is asserted: only that it runs and reports.</summary>
public sealed class BenchCommandTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "bench-test-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Quick_bench_runs_end_to_end_and_prints_every_measure_with_its_ratio()
    {
        Directory.CreateDirectory(folder);
        var outDir = Path.Combine(folder, "out");

        var (exit, stdout, stderr) = await EtlProcess.RunAsync(folder, "bench", "--quick", "--out", outDir);

        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        var table = stdout[stdout.IndexOf("指标 measure", StringComparison.Ordinal)..];
        foreach (var measure in new[] { "主任务 fresh start → loaded demo", "加载吞吐 validated load throughput", "追加器吞吐 raw appender",
                     "峰值内存比 peak memory 4× / 1×", "预测训练+回测 forecast fit", "情景变更 scenario change",
                     "ETL ÷ read_csv, UTF-8 rosters", "ETL ÷ read_csv per CPU-second, UTF-8" })
            Assert.Contains(measure, table);
        // Both sides of the read_csv comparison were measured in CPU-seconds too: positive figures per 100,000 rows.
        foreach (var side in new[] { "ETL load", "read_csv" })
        {
            var cpu = System.Text.RegularExpressions.Regex.Match(table, $@"CPU 用量 {side}, UTF-8: CPU-seconds per 100,000 rows\s+([\d.,]+) CPU-s");
            Assert.True(cpu.Success, table);
            Assert.True(double.Parse(cpu.Groups[1].Value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture) > 0, cpu.Value);
        }
        // At city scale the 4×/1× peak ratio is information (the target is set from a province roster up).
        Assert.Matches(@"峰值内存比 peak memory 4× / 1× \(quick 2025–2026: below the load's DuckDB bound[^\n]*\)\s+[\d.,]+ ×\s+—", table);
        Assert.Matches(@"主任务 fresh start → loaded demo \(quick 2025–2026\)\s+[\d.,]+ s\s+≤ 60\.00 s\s+\d+\.\d\d\s+(达标 met|未达标 MISSED)", table);
        Assert.Matches(@"(全部目标达标|target\(s\) missed)", table);
        Assert.Contains("dotnet run -c Release --project dashboards -- bench --db", stdout);

        // The main job really loaded the demo through the inbox: the warehouse holds its roster snapshots.
        using var connection = new DuckDBConnection($"Data Source={Path.Combine(outDir, "main", "warehouse.duckdb")};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM roster_snapshot";
        Assert.Equal(3L, Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(Directory.GetFiles(Path.Combine(outDir, "main", "inbox")));
    }

    [Fact]
    public async Task A_non_empty_out_folder_is_refused_without_touching_it()
    {
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "keep.txt"), "mine");

        var (exit, _, stderr) = await EtlProcess.RunAsync(folder, "bench", "--quick", "--out", folder);

        Assert.Equal(2, exit);
        Assert.Contains("not empty", stderr);
        Assert.Equal(["keep.txt"], Directory.GetFileSystemEntries(folder).Select(Path.GetFileName));
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
