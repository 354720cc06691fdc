using System.Globalization;
using Analytics.Tests.Metrics;
using Analytics.Warehouse.Facts;
using Analytics.Warehouse.Research;
using DuckDB.NET.Data;

namespace Analytics.Tests.Research;

/// <summary>
/// How the research file is built: in the warehouse connection's own DuckDB instance (so within the warehouse's
/// memory_limit and temp folder), with the same content as a rebuild of its snapshot facts in an instance of its own
/// over the copied (re-keyed, month-coarsened) rows — what the research file held before the build was moved.
/// </summary>
public sealed class ResearchBuildTests : IDisposable
{
    private readonly HandBuiltWarehouse warehouse = HandBuiltWarehouse.Create();

    private string ResearchPath => Path.Combine(warehouse.Folder, "research.duckdb");

    [Fact]
    public void The_snapshot_facts_of_the_copy_are_rebuilt_in_the_warehouse_instance_and_the_connection_is_left_as_it_was()
    {
        Execute(warehouse.Connection, "CALL enable_logging('QueryLog')");
        var warehouseWorkers = Rows(warehouse.Connection, "SELECT snapshot, person_key FROM fact_worker");

        Assert.True(new ResearchDatabase(ResearchPath, "test-salt", TimeProvider.System).EnsureFresh(warehouse.Connection));

        var logged = Rows(warehouse.Connection, "SELECT message FROM duckdb_logs WHERE type = 'QueryLog'");
        Assert.Contains(logged, m => m.Contains("INSERT INTO fact_worker", StringComparison.Ordinal));
        Assert.Contains(logged, m => m.Contains("INSERT INTO snapshot_district_progress", StringComparison.Ordinal));
        Assert.Contains(logged, m => m.StartsWith("USE research_build", StringComparison.Ordinal));
        // Back on the warehouse, the file detached, the temporary key macro gone, the warehouse's own facts untouched.
        Assert.Equal("warehouse", Scalar(warehouse.Connection, "SELECT current_database()"));
        Assert.Equal("0", Scalar(warehouse.Connection, "SELECT count(*) FROM duckdb_databases() WHERE database_name = 'research_build'"));
        Assert.Equal("0", Scalar(warehouse.Connection, "SELECT count(*) FROM duckdb_functions() WHERE function_name = 'research_key'"));
        Assert.Equal(warehouseWorkers, Rows(warehouse.Connection, "SELECT snapshot, person_key FROM fact_worker"));
        using var research = Open(ResearchPath, readOnly: true);
        // The copy's facts are keyed by the research key, never the warehouse's person key.
        Assert.NotEmpty(Rows(research, "SELECT person_key FROM fact_worker"));
        Assert.Empty(Rows(research, "SELECT person_key FROM fact_worker EXCEPT SELECT person_key FROM roster_entry"));
        Assert.Empty(warehouseWorkers.Select(w => w.Split('|')[1]).Intersect(Rows(research, "SELECT person_key FROM fact_worker")));
    }

    [Fact]
    public void The_copy_holds_what_a_rebuild_of_its_facts_in_an_instance_of_its_own_gives_and_its_macros_answer_alike()
    {
        Assert.True(new ResearchDatabase(ResearchPath, "test-salt", TimeProvider.System).EnsureFresh(warehouse.Connection));
        var reference = Path.Combine(warehouse.Folder, "reference.duckdb");
        File.Copy(ResearchPath, reference);
        using (var own = Open(reference, readOnly: false))
        {
            using var transaction = own.BeginTransaction();
            SnapshotFacts.RebuildAll(own);
            transaction.Commit();
        }

        using var built = Open(ResearchPath, readOnly: true);
        using var rebuilt = Open(reference, readOnly: true);
        Assert.NotEmpty(Rows(built, "SELECT * FROM fact_worker"));
        Assert.NotEmpty(Rows(built, "SELECT * FROM fact_certificate"));
        foreach (var query in FactQueries) Assert.Equal(Rows(rebuilt, query), Rows(built, query));

        var dates = Rows(built, "SELECT CAST(snapshot AS VARCHAR) FROM fact_snapshot ORDER BY 1")
            .Select(d => DateOnly.Parse(d, CultureInfo.InvariantCulture)).ToList();
        Assert.NotEmpty(dates);
        foreach (var date in dates.Concat(dates.Select(d => d.AddDays(45))).Append(dates[0].AddDays(-1)))
        foreach (var macro in MacroQueries)
        {
            var expected = Rows(rebuilt, macro, date);
            Assert.Equal(expected, Rows(built, macro, date));
        }
        Assert.NotEmpty(Rows(built, "SELECT * FROM district_progress($d) WHERE workers > 0", dates[^1]));
    }

    /// <summary>Every fact, unit keys replaced by unit codes (the numbering of keys is the engine's, not content).</summary>
    private static readonly string[] FactQueries =
    [
        "SELECT * EXCLUDE (unit_id) FROM fact_worker",
        "SELECT * EXCLUDE (unit_id) FROM fact_unit",
        "SELECT u.code, p.* EXCLUDE (unit_id) FROM fact_unit_people p JOIN fact_unit u USING (unit_id)",
        "SELECT * FROM fact_certificate",
        "SELECT * FROM fact_certificate_level",
        "SELECT * FROM fact_snapshot",
        "SELECT * FROM snapshot_district_progress",
        "SELECT * FROM fact_state",
    ];

    private static readonly string[] MacroQueries =
    [
        "SELECT * FROM district_progress($d)",
        "SELECT * FROM city_progress($d)",
        "SELECT * FROM workers_by_level($d)",
        "SELECT * FROM new_talent_by_source($d)",
        "SELECT * FROM talent_comparison($d)",
        "SELECT * FROM target_indicators($d)",
    ];

    private static DuckDBConnection Open(string path, bool readOnly)
    {
        var connection = new DuckDBConnection($"Data Source={path}" + (readOnly ? ";ACCESS_MODE=READ_ONLY" : ""));
        connection.Open();
        return connection;
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    private static string? Scalar(DuckDBConnection connection, string sql) => Rows(connection, sql).Single();

    /// <summary>Each row as its values joined by '|', sorted, so two results compare as multisets.</summary>
    private static List<string> Rows(DuckDBConnection connection, string sql, DateOnly? date = null)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        if (date is { } d) cmd.Parameters.Add(new DuckDBParameter("d", d));
        using var reader = cmd.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
            rows.Add(string.Join('|', Enumerable.Range(0, reader.FieldCount).Select(i =>
                reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), CultureInfo.InvariantCulture))));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    public void Dispose() => warehouse.Dispose();
}
