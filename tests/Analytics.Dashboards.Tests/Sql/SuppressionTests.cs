using Analytics.Dashboards.Drilldown;
using Analytics.Dashboards.Sql;
using Analytics.Dashboards.Tests.Support;
using Analytics.Warehouse.Research;

namespace Analytics.Dashboards.Tests.Sql;

/// <summary>Small-number suppression: counts below the threshold in exported aggregates and town-level tiles show "&lt;10".</summary>
public sealed class SuppressionTests
{
    private static ResearchResult Result(bool aggregate, params object?[][] rows) => new(
        [new ResearchColumn("gender", "VARCHAR", typeof(string)), new ResearchColumn("year", "INTEGER", typeof(int)), new ResearchColumn("n", "BIGINT", typeof(long))],
        rows, false, TimeSpan.Zero, aggregate);

    [Fact]
    public void Counts_below_the_threshold_of_an_aggregate_export_show_as_less_than_ten()
    {
        var result = Result(true, ["男", 2022, 3L], ["女", 2022, 10L], ["未知", 2022, 0L]);

        var csv = System.Text.Encoding.UTF8.GetString(ResultFiles.Csv(result, new SmallNumberSuppression(10))).TrimStart('\uFEFF');

        Assert.Equal(["gender,year,n", "男,2022,<10", "女,2022,10", "未知,2022,0"], csv.TrimEnd().Split('\n').Select(l => l.TrimEnd('\r')));
    }

    [Fact]
    public void The_threshold_is_configurable_and_rows_of_people_are_not_counts()
    {
        var aggregate = Result(true, ["男", 2022, 12L]);
        var people = Result(false, ["男", 2022, 3L]);

        Assert.Contains("<20", System.Text.Encoding.UTF8.GetString(ResultFiles.Csv(aggregate, new SmallNumberSuppression(20))));
        Assert.Contains(",3", System.Text.Encoding.UTF8.GetString(ResultFiles.Csv(people, new SmallNumberSuppression(10))));
    }

    [Fact]
    public void Parquet_export_suppresses_too()
    {
        var bytes = ResultFiles.Parquet(Result(true, ["男", 2022, 3L]), new SmallNumberSuppression(10));
        var file = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".parquet");
        File.WriteAllBytes(file, bytes);
        try
        {
            using var db = new DuckDB.NET.Data.DuckDBConnection("Data Source=:memory:");
            db.Open();
            using var command = db.CreateCommand();
            command.CommandText = "SELECT n FROM read_parquet($file)";
            command.Parameters.Add(new DuckDB.NET.Data.DuckDBParameter("file", file));
            Assert.Equal("<10", command.ExecuteScalar());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Town_and_community_pages_apply_one_rule_the_town_row_counts_the_people_the_community_page_lists()
    {
        // The community page lists each worker (masked) to every dashboard role, so the town page's per-community
        // people counts are shown in full too: one rule on both pages. Suppression (<10) stays for exported aggregates.
        using var ctx = new DashboardContext();
        ctx.Warehouse.WithWorkforce();

        var town = ctx.Render<TownPage>(p => p.Add(t => t.Code, "510104020"));
        var row = town.FindAll("#communities tbody tr").Single(r => r.TextContent.Contains("春熙社区"));
        var community = ctx.Render<CommunityPage>(p => p.Add(c => c.Code, "510104020002"));

        Assert.Equal(community.FindAll(".workers tbody tr").Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
            row.QuerySelector(".workers-count")!.TextContent);
    }
}
