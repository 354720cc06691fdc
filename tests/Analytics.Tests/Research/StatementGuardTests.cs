using Analytics.Warehouse.Research;
using DuckDB.NET.Data;

namespace Analytics.Tests.Research;

/// <summary>Every escape from the research sandbox is refused with a clear message, each its own case.</summary>
public sealed class StatementGuardTests : IDisposable
{
    private readonly ResearchFixture research = new();

    public static TheoryData<string> Escapes => new()
    {
        "SELECT * FROM read_csv('/etc/passwd')",
        "SeLeCt * FrOm READ_CSV_AUTO('/etc/passwd')",
        "SELECT * FROM \"read_text\"('/etc/passwd')",
        "SELECT (SELECT content FROM read_text('/etc/passwd'))",
        "FROM '/etc/passwd'",
        "SELECT * FROM '/etc/passwd'",
        "SELECT * FROM glob('/*')",
        "SELECT * FROM sniff_csv('/etc/passwd')",
        "SELECT * FROM read_parquet('/tmp/x.parquet')",
        "WITH x AS (SELECT * FROM read_csv('/etc/passwd')) SELECT * FROM x",
        "COPY (SELECT 1) TO '/tmp/escape.csv'",
        "COPY org_unit TO '/tmp/escape.parquet' (FORMAT parquet)",
        "EXPORT DATABASE '/tmp/escape-export'",
        "ATTACH '/tmp/escape.duckdb' AS escape",
        "DETACH research",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "SET threads = 8",
        "RESET memory_limit",
        "PRAGMA database_list",
        "CALL duckdb_settings()",
        "SELECT 1; DROP TABLE org_unit",
        "SELECT * FROM org_unit; SELECT 1",
        "DROP TABLE org_unit",
        "CREATE TABLE t AS SELECT 1",
        "CREATE VIEW v AS SELECT 1",
        "CREATE MACRO m() AS 1",
        "ALTER TABLE setting ADD COLUMN x INTEGER",
        "INSERT INTO setting VALUES ('a', 'b')",
        "UPDATE setting SET value = 'x'",
        "DELETE FROM setting",
        "CHECKPOINT",
        "VACUUM",
        "SELECT * FROM duckdb_secrets()",
        "SELECT * FROM which_secret('s3://bucket/x', 's3')",
        "SELECT getenv('HOME')",
        "SELECT current_setting('enable_external_access')",
        "SELECT current_setting('memory_limit') AS m",
        "SELECT * FROM duckdb_settings()",
        "SELECT * FROM duckdb_databases()",
        "SELECT * FROM pragma_database_list",
        "SELECT * FROM query('SELECT 1')",
        "SELECT * FROM query_table('org_unit')",
        "SELECT * FROM system.main.org_unit",
        "SELECT * FROM temp.main.anything",
    };

    [Theory]
    [MemberData(nameof(Escapes))]
    public void Escape_is_refused_with_a_clear_message(string sql)
    {
        var refused = Assert.Throws<QueryRefusedException>(() => research.Run(sql));

        Assert.False(string.IsNullOrWhiteSpace(refused.ReasonZh));
        Assert.False(string.IsNullOrWhiteSpace(refused.ReasonEn));
        Assert.False(File.Exists("/tmp/escape.csv"));
    }

    [Fact]
    public void Reading_the_database_file_itself_is_refused()
    {
        // DuckDB lets read_blob reach the attached file even with external access off: the guard must catch it.
        var refused = Assert.Throws<QueryRefusedException>(() => research.Run($"SELECT * FROM read_blob('{research.ResearchPath}')"));
        Assert.Contains("read_blob", refused.ReasonEn);
    }

    [Theory]
    [InlineData("SELECT * FROM read_csv('/etc/passwd')")]
    [InlineData("SELECT * FROM glob('/*')")]
    [InlineData("COPY (SELECT 1) TO '/tmp/escape-direct.csv'")]
    [InlineData("INSTALL httpfs")]
    [InlineData("SET enable_external_access = true")]
    [InlineData("CREATE TABLE t AS SELECT 1")]
    public void Without_the_guard_the_sandboxed_connection_still_refuses(string sql)
    {
        using var connection = new DuckDBConnection(research.Runner.ConnectionString);
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;

        Assert.ThrowsAny<DuckDBException>(() => command.ExecuteNonQuery());
        Assert.False(File.Exists("/tmp/escape-direct.csv"));
    }

    [Theory]
    [InlineData("SELECT * FROM district_progress(DATE '2023-06-30')")]
    [InlineData("SELECT * FROM city_progress('2023-06-30')")]
    [InlineData("WITH p AS (SELECT * FROM person) SELECT gender, count(*) AS n FROM p GROUP BY gender")]
    [InlineData("SELECT table_name FROM information_schema.tables ORDER BY 1")]
    [InlineData("SELECT 1;")]
    public void A_single_read_only_query_runs(string sql)
    {
        var result = research.Run(sql);
        Assert.NotEmpty(result.Columns);
    }

    [Fact]
    public void Aggregates_are_recognised_for_suppression()
    {
        Assert.True(research.Run("SELECT gender, count(*) AS n FROM person GROUP BY gender").Aggregate);
        Assert.True(research.Run("SELECT * FROM district_progress(DATE '2023-06-30')").Aggregate);
        Assert.False(research.Run("SELECT person_key, birth_year FROM person").Aggregate);
    }

    public void Dispose() => research.Dispose();
}
