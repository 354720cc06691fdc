using Analytics.Tests.Cli;
using Analytics.Tests.DemoData;
using Analytics.Warehouse.People;
using Analytics.Warehouse.Research;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Tests.Research;

/// <summary>
/// The re-identification test of docs/research-sql.md on the demo (city, 2019–2026): the share of current workers
/// unique on community, gender, birth year and hire date, as the warehouse holds them and as the research surface
/// shows them; and no person's date on the research surface finer than a month.
/// </summary>
[Collection(DemoDataCollection.Name)]
public sealed class ReidentificationTests(DemoDataFixture demo) : IDisposable
{
    /// <summary>The bound stated in docs/research-sql.md for the research surface.</summary>
    private const double StatedBound = 0.999;

    private readonly string folder = Directory.CreateTempSubdirectory("analytics-reid-").FullName;

    private const string Current = "e.as_of = (SELECT max(as_of) FROM roster_snapshot) AND e.left_on IS NULL";

    private static double UniqueShare(DuckDBConnection connection, string birthYear, string hired, string where) =>
        Convert.ToDouble(connection.Scalar($"""
            SELECT avg(CASE WHEN n = 1 THEN 1.0 ELSE 0.0 END) FROM (
                SELECT count(*) OVER (PARTITION BY e.unit_code, p.gender, {birthYear}, {hired}) AS n
                FROM roster_entry e JOIN person p USING (person_key) WHERE {where})
            """), System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task Research_dates_are_coarse_and_the_unique_share_is_below_the_stated_bound()
    {
        var db = Path.Combine(folder, "warehouse.duckdb");
        var load = await EtlProcess.RunAsync(folder, "load", demo.Folder, "--db", db);
        Assert.True(load.ExitCode is 0 or 2, load.Out + load.Err);
        var options = new WarehouseOptions { Path = db, PersonKey = "cli-test-secret" };
        var warehouse = new WarehouseDatabase(options);
        var surface = new ResearchSurface(warehouse, PersonKeySource.Resolve(options, warehouse), new ResearchOptions(), TimeProvider.System);
        double before;
        using (var connection = warehouse.Open())
        {
            before = UniqueShare(connection, "p.birth_year", "e.hired", Current);
            surface.Refresh(connection);
        }

        using var research = new DuckDBConnection($"Data Source={surface.Database.FullPath};ACCESS_MODE=READ_ONLY");
        research.Open();
        var after = UniqueShare(research, "p.birth_year", "e.hired", Current);

        Assert.True(before > 0.999, $"before: {before:P2}");
        Assert.True(after < StatedBound, $"after: {after:P2} (before {before:P2})");
        AssertEveryPersonDateIsCoarse(research);
    }

    /// <summary>Dates of units, snapshots and runs are not about a person; every other date holds only firsts of a month.</summary>
    private static void AssertEveryPersonDateIsCoarse(DuckDBConnection research)
    {
        var notPersonal = new HashSet<string>
        {
            "org_unit.established", "org_unit.abolished", "org_unit_history.established", "org_unit_history.abolished",
            "roster_snapshot.as_of", "roster_entry.as_of", "forecast_scenario.created_at", "forecast_run.run_at",
            "forecast_run.data_vintage", "forecast_run.history_until", "forecast_point.run_at", "forecast_point.as_of", "forecast_latest.run_at",
            "forecast_latest.as_of", "forecast_backtest_cell.run_at", "forecast_coverage.run_at", "research_info.built_at",
            "fact_unit.established", "fact_unit.abolished", "fact_snapshot.snapshot", "fact_snapshot.next_snapshot", "fact_worker.snapshot",
            "fact_unit_people.snapshot", "snapshot_district_progress.as_of",
        };
        var dateColumns = new List<string>();
        using (var cmd = research.CreateCommand())
        {
            cmd.CommandText = "SELECT table_name || '.' || column_name FROM duckdb_columns() WHERE data_type IN ('DATE', 'TIMESTAMP') AND NOT internal ORDER BY 1";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) dateColumns.Add(reader.GetString(0));
        }
        var personal = dateColumns.Where(c => !notPersonal.Contains(c)).ToList();
        Assert.Equal(
        [
            "exam_result.issued", "fact_certificate.certified_from", "fact_certificate.rank2_from", "fact_certificate.rank3_from",
            "fact_certificate.rank4_from", "fact_worker.certified_from", "fact_worker.hired", "fact_worker.left_on",
            "fact_worker.part_time_limit", "fact_worker.part_time_since", "fact_worker.rank2_from", "fact_worker.rank3_from",
            "fact_worker.rank4_from", "roster_entry.hired", "roster_entry.left_on", "roster_entry.part_time_since",
        ], personal);
        foreach (var column in personal)
        {
            var (table, name) = (column.Split('.')[0], column.Split('.')[1]);
            Assert.Equal(0L, research.Scalar($"SELECT count(*) FROM {table} WHERE day({name}) <> 1"));
        }
        Assert.Equal(0L, research.Scalar("SELECT count(*) FROM duckdb_columns() WHERE table_name = 'person' AND column_name LIKE '%birth_date%'"));
    }

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }
}
