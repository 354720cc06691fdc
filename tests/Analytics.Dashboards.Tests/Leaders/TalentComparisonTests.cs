using Analytics.Dashboards.Talent;
using Analytics.Dashboards.Tests.Support;

namespace Analytics.Dashboards.Tests.Leaders;

/// <summary>035_talent_comparison.sql and the talent page: stock and new talent with the same measures, 存量转岗 apart.</summary>
public sealed class TalentComparisonTests : IDisposable
{
    private readonly DashboardContext ctx = new();

    public TalentComparisonTests()
    {
        ctx.Warehouse.WithWorkforce();
        // 吴十: hired 2021 (new talent) but moved over from another community post (存量转岗), certified 社工员, not in a professional post.
        ctx.Warehouse.Execute("""
            INSERT INTO person VALUES ('k10', '510104********0100', '吴*', '男', 1991, 2);
            INSERT INTO roster_entry (as_of, person_key, unit_code, post_category, employment, part_time_since, hired, left_on, talent_source, education, major, salary_supplement, load_id, line_number)
            VALUES ('2023-06-30', 'k10', '510104020002', '社区专职工作者', '专职', NULL, '2021-03-01', NULL, '存量转岗', '本科', NULL, 0, 3, 8);
            INSERT INTO exam_result VALUES ('k10', 2022, '社工员', 1, true, 'C10', '2022-10-01', 4, 10);
            """);
    }

    public void Dispose() => ctx.Dispose();

    private IReadOnlyList<(string Group, long[] Measures)> City(string asOf) => ctx.Warehouse.Connections.Query(
        $"SELECT * FROM city_talent_comparison(DATE '{asOf}')",
        r => (r.GetString(1), new[] { r.GetInt64(3), r.GetInt64(4), r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8) }));

    [Fact]
    public void Three_groups_with_the_same_measures_that_add_up_to_everyone_in_post()
    {
        var city = City("2023-06-30");
        Assert.Equal(["存量", "增量", "存量转岗"], city.Select(c => c.Group));
        // workers, professionals, certified, certified city (社工员), certified national, qualified posts
        Assert.Equal([3L, 3, 3, 0, 3, 1], city[0].Measures); // 张三 王五 赵六: all certified nationally, only 张三 qualified
        Assert.Equal([3L, 3, 2, 1, 1, 3], city[1].Measures); // 李四 (degree) 钱七 (社工员) 孙八 (助理): all qualified
        Assert.Equal([1L, 1, 1, 1, 0, 0], city[2].Measures); // 吴十
        Assert.Equal(ctx.Warehouse.Scalar("SELECT workers FROM city_progress(DATE '2023-06-30')"), city.Sum(c => c.Measures[0]));
        Assert.Equal(ctx.Warehouse.Scalar("SELECT certified FROM city_progress(DATE '2023-06-30')"), city.Sum(c => c.Measures[2]));
        Assert.Equal(ctx.Warehouse.Scalar("SELECT qualified_posts FROM city_progress(DATE '2023-06-30')") + 1, city.Sum(c => c.Measures[5])); // + 孙八 at the centre
        Assert.All(city, c => Assert.Equal(c.Measures[2], c.Measures[3] + c.Measures[4]));
    }

    [Fact]
    public void The_district_rows_sum_to_the_city_and_a_moved_baseline_moves_people_between_groups()
    {
        Assert.Equal(7, ctx.Warehouse.Scalar("SELECT sum(workers) FROM talent_comparison(DATE '2023-06-30')"));
        Assert.Equal(3, ctx.Warehouse.Scalar("SELECT count(*) FROM talent_comparison(DATE '2023-06-30') WHERE district_code = '510104'"));
        ctx.Warehouse.Execute("INSERT INTO setting VALUES ('talent_baseline', '2021-01-01')");
        var city = City("2023-06-30");
        Assert.Equal(4, city[0].Measures[0]); // 孙八 (hired 2020-06) is stock now
        Assert.Equal(2, city[1].Measures[0]);
    }

    [Fact]
    public void The_talent_page_shows_the_groups_side_by_side_with_the_definition_beside_the_chart()
    {
        var page = ctx.Render<TalentPage>();
        var rows = page.FindAll("#talent-comparison tbody tr");
        Assert.Equal(["存量", "增量", "存量转岗"], rows.Select(r => r.GetAttribute("data-group")));
        Assert.Contains("增量（不含存量转岗）", rows[1].TextContent);
        Assert.Equal("1", rows[2].QuerySelector(".certified-city")!.TextContent);
        Assert.Contains("2020年1月1日", page.Find("#talent-definition").TextContent);
        Assert.NotNull(page.Find(".chart-with-note figure.chart img"));
    }

    [Fact]
    public void Certificate_levels_are_listed_in_their_natural_order()
    {
        var page = ctx.Render<TalentPage>();
        var levels = page.FindAll("#workers-by-level tbody tr td:first-child").Select(td => td.TextContent).ToList();
        Assert.Equal(["未持证", "社工员", "助理社会工作师", "社会工作师"], levels);
    }
}
