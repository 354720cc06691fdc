using Analytics.Tests.Extracts;
using System.Text;
using Analytics.Etl.Loading;
using DuckDB.NET.Data;
using static Analytics.Tests.Loading.SampleExtracts;

namespace Analytics.Tests.Loading;

/// <summary>
/// The bounded-memory load: appenders flushed every <see cref="LoadSink.FlushEvery"/> rows into ordinary staging
/// tables, DuckDB's memory bounded while loading and restored after, the staging tables gone with the transaction.
/// </summary>
public sealed class LoadMemoryTests
{
    private const int People = LoadSink.FlushEvery * 2 + 500;

    private static string Id(int i) => TestIds.Make(new DateOnly(1970 + i / 1000, 1 + i % 12, 1 + i % 28), i % 1000);

    /// <summary>A roster of <see cref="People"/> people, the first repeated as the last line (both lines are then bad).</summary>
    private static string BigRoster(LoaderFixture f)
    {
        var text = new StringBuilder(RosterHeader).Append('\n');
        for (var i = 0; i < People; i++) text.Append(RosterRow("2022-12-31", Id(i), "张三")).Append('\n');
        text.Append(RosterRow("2022-12-31", Id(0), "张三", unit: "510121100201")).Append('\n');
        return f.Write("big.csv", text.ToString());
    }

    private static string Setting(DuckDBConnection connection, string name) => LoadMemory.Current(connection, name);

    [Fact]
    public void A_roster_larger_than_several_flushes_loads_whole_and_settles_duplicates_across_flushes()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        using var watcher = f.Database.Open();
        var limitBefore = Setting(watcher, "memory_limit");
        var threadsBefore = Setting(watcher, "threads");
        string? limitDuring = null;

        var report = f.Loader(afterRow: (_, rows) => { if (rows == People) limitDuring = Setting(watcher, "memory_limit"); }, LoadMemory.OwnProcessLimit).Load([BigRoster(f)]);

        var file = report.Files.Single();
        Assert.Equal(LoadOutcome.Loaded, file.Outcome);
        Assert.Equal(People - 1, file.RowsLoaded);
        Assert.Equal(People - 1, f.Scalar<int>("SELECT count(*) FROM roster_entry"));
        Assert.Equal(People - 1, f.Scalar<int>("SELECT count(*) FROM person"));
        Assert.Equal(People - 1, f.Scalar<int>("SELECT rows FROM roster_snapshot"));
        Assert.Equal([$"2|2, {People + 2}", $"{People + 2}|2, {People + 2}"],
            f.Rows("SELECT line_number, regexp_extract(reason_en, 'lines ([0-9, ]+)', 1) FROM quarantine ORDER BY line_number"));
        Assert.Equal("122.0 MiB", limitDuring); // 128MB (decimal) as DuckDB shows it
        Assert.NotEqual(limitDuring, limitBefore);
        Assert.Equal(limitBefore, Setting(watcher, "memory_limit"));
        Assert.Equal(threadsBefore, Setting(watcher, "threads"));
        Assert.Equal(0, f.Scalar<int>("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'stage%'"));
    }

    [Fact]
    public void A_failure_after_flushed_rows_leaves_the_warehouse_settings_and_tables_as_before()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        f.Load(f.Write("r2021.csv", RosterHeader + "\n" + RosterRow("2021-12-31", Id(7), "李四") + "\n"));
        var before = f.DataState();
        using var watcher = f.Database.Open();
        var limitBefore = Setting(watcher, "memory_limit");

        var report = f.Loader(afterRow: (_, rows) => { if (rows == People - 10) throw new IOException("disk vanished"); }, LoadMemory.OwnProcessLimit).Load([BigRoster(f)]);

        Assert.Equal(LoadOutcome.Failed, report.Files.Single().Outcome);
        Assert.Equal(before, f.DataState());
        Assert.Equal(limitBefore, Setting(watcher, "memory_limit"));
        Assert.Equal(0, f.Scalar<int>("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE 'stage%'"));
        Assert.Equal(LoadOutcome.Loaded, f.Load(f.Write("again.csv", RosterHeader + "\n" + RosterRow("2022-12-31", Id(1), "王五") + "\n")).Files.Single().Outcome);
    }

    [Fact]
    public void Without_a_loading_limit_the_settings_are_left_alone()
    {
        using var f = new LoaderFixture();
        f.Load(f.Write("org.csv", OrgRegister));
        using var watcher = f.Database.Open();
        var limitBefore = Setting(watcher, "memory_limit");
        string? limitDuring = null;

        var report = f.Loader(afterRow: (_, rows) => { if (rows == People) limitDuring = Setting(watcher, "memory_limit"); }).Load([BigRoster(f)]);

        Assert.Equal(LoadOutcome.Loaded, report.Files.Single().Outcome);
        Assert.Equal(People - 1, f.Scalar<int>("SELECT count(*) FROM roster_entry"));
        Assert.Equal(limitBefore, limitDuring);
    }
}

public sealed class LoadMemorySizeTests
{
    [Theory]
    [InlineData("256MB", true)]
    [InlineData("1GB", true)]
    [InlineData("512 MiB", true)]
    [InlineData("256", false)]
    [InlineData("true", false)]
    [InlineData("256MB'; DROP TABLE person; --", false)]
    public void Only_a_size_with_a_unit_is_a_memory_limit(string text, bool size) => Assert.Equal(size, LoadMemory.IsSize(text));
}
