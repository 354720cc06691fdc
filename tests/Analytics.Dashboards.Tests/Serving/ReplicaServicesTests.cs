using Analytics.Dashboards.Sql;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;
using Analytics.Etl.DemoData;
using Analytics.Etl.Forecasting;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboards.Tests.Serving;

/// <summary>
/// A dashboard host serving a copy written by a real `etl publish` (another process), read-only, in this process so its
/// services can be asked directly: its forecasts are the run the writer stored in the copy (same run time, method and
/// points; nothing written), and its research console queries the research file published beside the copy — and says
/// research SQL is on the writer when a copy comes without one.
/// </summary>
public sealed class ReplicaServicesTests : IDisposable
{
    private readonly TestWarehouse scratch = new();

    public void Dispose() => scratch.Dispose();

    private static (DateTime RunAt, string GapMethod, long Points, long Runs) StoredRun(string copy)
    {
        using var connection = new DuckDBConnection($"Data Source={copy};ACCESS_MODE=READ_ONLY");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r.run_at, r.gap_method, (SELECT count(*) FROM forecast_point p WHERE p.run_at = r.run_at), (SELECT count(*) FROM forecast_run)
            FROM forecast_run r ORDER BY r.run_at DESC LIMIT 1
            """;
        using var reader = command.ExecuteReader();
        Assert.True(reader.Read(), "etl publish stored no forecast run in the copy");
        return (reader.GetDateTime(0), reader.GetString(1), reader.GetInt64(2), reader.GetInt64(3));
    }

    [Fact]
    public async Task A_replica_shows_the_writers_stored_forecast_and_queries_the_research_file_published_beside_the_copy()
    {
        var folder = scratch.Folder;
        DemoDataGenerator.Write(new DemoDataOptions(Path.Combine(folder, "extracts"), From: 2025, To: 2026));
        var warehouse = Path.Combine(folder, "source", "warehouse.duckdb");
        var copy = Path.Combine(folder, "published", "warehouse.duckdb");
        var loaded = await ServingProcesses.EtlAsync(folder, "load", Path.Combine(folder, "extracts"), "--db", warehouse);
        Assert.True(loaded.ExitCode == 0, loaded.Out + loaded.Err);
        var published = await ServingProcesses.EtlAsync(folder, "publish", "--db", warehouse, "--to", copy, "--parquet", Path.Combine(folder, "published", "parquet"));
        Assert.True(published.ExitCode == 0, published.Out + published.Err);
        var stored = StoredRun(copy);
        Assert.Equal(1, stored.Runs);
        var research = Path.Combine(folder, "published", "warehouse.research.duckdb");
        Assert.True(File.Exists(research), published.Out);

        await using var replica = await RunningDashboard.StartAsync(scratch, "--read-only", copy, $"--ReadOnly:LocalPath={Path.Combine(folder, "replica", "local.duckdb")}");
        var forecasts = replica.App.Services.GetRequiredService<GapForecasts>();
        Assert.True(forecasts.ReadOnly);
        var shown = forecasts.Forecast();
        Assert.Equal(stored.RunAt, shown.RunAt);
        Assert.Equal(stored.GapMethod, shown.GapMethod);
        Assert.Equal(stored.Points, shown.Points.Count);
        Assert.True(forecasts.HasHistory());
        var error = Assert.Throws<InvalidOperationException>(() => forecasts.SaveScenario("多招一些", ScenarioAssumptions.Baseline));
        Assert.Contains("写入方", error.Message);

        var console = replica.App.Services.GetRequiredService<ResearchConsole>();
        Assert.True(console.Available);
        var outcome = console.Run("analyst", "SELECT count(*) FROM org_unit", 10, CancellationToken.None);
        Assert.True(outcome.Outcome == "ok", $"{outcome.Outcome}: {outcome.MessageEn}");
        Assert.True(Convert.ToInt64(outcome.Result!.Rows[0][0], System.Globalization.CultureInfo.InvariantCulture) > 20);

        // A copy published without its research file (an older publication): the console says research SQL is on the writer.
        File.Delete(research);
        Assert.False(console.Available);
        var refused = console.Run("analyst", "SELECT 1", 10, CancellationToken.None);
        Assert.Equal("refused", refused.Outcome);
        Assert.Contains("写入方", refused.MessageZh);
        Assert.False(File.Exists(research)); // a replica never builds one of its own
    }
}
