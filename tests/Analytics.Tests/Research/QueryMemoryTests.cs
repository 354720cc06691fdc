using Analytics.Warehouse.Research;
using Xunit.Abstractions;

namespace Analytics.Tests.Research;

/// <summary>
/// The three queries that once took 0.5–3 GB inside the host: each now runs in a query process whose resident memory
/// (read from /proc) stays under a ceiling, with the row cap applied while reading.
/// </summary>
public sealed class QueryMemoryTests(ITestOutputHelper output) : IDisposable
{
    private const long MiB = 1L << 20;

    /// <summary>The ceiling given to the query process, and the most it may overshoot before the watch stops it.</summary>
    private static readonly ResearchOptions Bounded = new() { MemoryLimit = "256MB", ProcessMemoryLimit = "400MiB", Timeout = TimeSpan.FromMinutes(3) };

    private static readonly long Ceiling = ResearchOptions.ParseBytes(Bounded.ProcessMemoryLimit);
    private static readonly long Slack = 64 * MiB;

    private readonly ResearchFixture research = WithLargeRoster();

    private static ResearchFixture WithLargeRoster()
    {
        var research = new ResearchFixture(Bounded);
        // A roster of 20,000 rows: its self cross join has 400 million rows.
        research.Warehouse.Execute("""
            INSERT INTO roster_entry (as_of, person_key, unit_code, post_category, employment, hired, talent_source, education, load_id, line_number)
            SELECT DATE '2023-06-30', 'p' || i, '510104001001', '其他', '专职', DATE '2019-05-01', '其他', '本科', 1, i + 2 FROM range(20000) t(i)
            """);
        research.Database.EnsureFresh(research.Warehouse.Connection);
        return research;
    }

    [Fact]
    public void Fifty_million_rows_stream_to_the_cap_without_being_held()
    {
        var result = research.Run("SELECT * FROM range(50000000)", 1000);
        output.WriteLine($"range(50000000): query process peak {result.PeakMemoryBytes / MiB} MiB (ceiling {Ceiling / MiB} MiB)");

        Assert.Equal(1000, result.Rows.Count);
        Assert.True(result.Truncated);
        Assert.InRange(result.PeakMemoryBytes, 1, Ceiling);
    }

    [Fact]
    public void A_self_cross_join_of_the_roster_streams_to_the_cap()
    {
        var result = research.Run("SELECT * FROM roster_entry a, roster_entry b", 1000);
        output.WriteLine($"roster self cross join: query process peak {result.PeakMemoryBytes / MiB} MiB (ceiling {Ceiling / MiB} MiB)");

        Assert.Equal(1000, result.Rows.Count);
        Assert.True(result.Truncated);
        Assert.Equal(28, result.Columns.Count); // roster_entry × roster_entry: 14 research columns each
        Assert.InRange(result.PeakMemoryBytes, 1, Ceiling);
    }

    [Fact]
    public void One_huge_string_is_stopped_at_the_memory_ceiling()
    {
        var e = Assert.Throws<QueryMemoryException>(() => research.Run("SELECT repeat('x', 1500000000)", 1000));
        output.WriteLine($"repeat('x', 1.5e9): stopped at {e.PeakBytes / MiB} MiB (ceiling {Ceiling / MiB} MiB)");

        Assert.Equal(Ceiling, e.CeilingBytes);
        Assert.InRange(e.PeakBytes, Ceiling, Ceiling + Slack);
        Assert.Contains("内存", e.Message);
        Assert.Contains("memory", e.Message);
    }

    [Fact]
    public void The_timeout_stops_a_statement_duckdb_does_not_interrupt()
    {
        var runner = new SandboxedQueryRunner(research.ResearchPath, new ResearchOptions { Timeout = TimeSpan.FromSeconds(2), ProcessMemoryLimit = "8GB" });

        Assert.Throws<QueryTimeoutException>(() => runner.Run("SELECT length(repeat('x', 1500000000))", 10));
    }

    public void Dispose() => research.Dispose();
}
