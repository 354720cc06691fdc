namespace Analytics.Tests.Metrics;

/// <summary>workers_by_level, new_talent_by_source, town_centre_coverage, certified_bridge, talent_pool, progress_trend.</summary>
public sealed class WorkforceTests
{
    private static long L(object? v) => HandBuiltWarehouse.Long(v);

    private static IEnumerable<string> Lines(IEnumerable<IReadOnlyDictionary<string, object?>> rows) => HandBuiltWarehouse.Lines(rows);

    [Fact]
    public void Workers_by_highest_level_held()
    {
        using var w = HandBuiltWarehouse.Create();
        // 锦江 at 2022-03-15: 未持证 p02 p06; 社工员 p03 p07; 助理 p01 p05 p08; 社会工作师 p04 (also holds 助理).
        // 金堂: 未持证 p11 p12; 社工员 p09; 助理 p10; 社会工作师 p14.
        Assert.Equal(
            ["510104 未持证 2", "510104 社工员 2", "510104 助理社会工作师 3", "510104 社会工作师 1",
             "510121 未持证 2", "510121 社工员 1", "510121 助理社会工作师 1", "510121 社会工作师 1"],
            Lines(w.Query("SELECT * FROM workers_by_level('2022-03-15')")));
    }

    [Fact]
    public void New_talent_by_source()
    {
        using var w = HandBuiltWarehouse.Create();
        Assert.Equal(
            ["510104 社工机构派驻 1", "510104 高校社工专业毕业生 1", "510121 一村一名大学生 1", "510121 志愿者转化 1"],
            Lines(w.Query("SELECT * FROM new_talent_by_source('2022-03-15')")));
        // At S1 金堂's new talent are p09 (一村一名大学生) and p13 (高校社工专业毕业生).
        Assert.Equal(
            ["510121 一村一名大学生 1", "510121 高校社工专业毕业生 1"],
            Lines(w.Query("SELECT * FROM new_talent_by_source('2020-03-31') WHERE district_code = '510121'")));
    }

    [Fact]
    public void Town_centre_coverage_is_a_share_of_towns()
    {
        using var w = HandBuiltWarehouse.Create();
        // 锦江: 2 towns, 春熙路街道 has p08 at its centre → 1/2. 金堂: 2 towns, none → 0.
        Assert.Equal(["510104 2 1 0.5", "510121 2 0 0"], Lines(w.Query("SELECT * FROM town_centre_coverage('2022-03-15')")));
        // Before the first snapshot nobody is in post.
        Assert.Equal(["510104 2 0 0", "510121 2 0 0"], Lines(w.Query("SELECT * FROM town_centre_coverage('2020-01-01')")));
    }

    [Fact]
    public void Certified_bridge_adds_up()
    {
        using var w = HandBuiltWarehouse.Create();
        var rows = w.Query("SELECT * FROM certified_bridge($from, $to)", ("from", new DateOnly(2020, 12, 31)), ("to", new DateOnly(2022, 3, 15)));
        // 锦江: p01 p03 p04 p05 p07 p08 certified and in post at both dates → 6, nothing moves.
        // 金堂: start p09 p13 = 2; newly p10 (exam 2021) = 1; joiner p14 = 1; leaver p13 = 1; end p09 p10 p14 = 3.
        Assert.Equal(["510104 6 0 0 0 6", "510121 2 1 1 1 3"], Lines(rows));
        foreach (var r in rows.Concat(w.Query("SELECT * FROM certified_bridge('2020-03-30', '2022-03-16')")))
        {
            Assert.Equal(
                L(r["certified_end"]),
                L(r["certified_start"]) + L(r["newly_certified"]) + L(r["certified_joiners"]) - L(r["certified_leavers"]));
        }
        // From before the first snapshot every holder at the end is a joiner.
        Assert.Equal(["510104 0 0 6 0 6", "510121 0 0 3 0 3"], Lines(w.Query("SELECT * FROM certified_bridge('2020-03-30', '2022-03-16')")));
    }

    [Fact]
    public void Certified_bridge_counts_a_move_between_districts_as_leaver_and_joiner()
    {
        using var w = HandBuiltWarehouse.Create();
        // p04 (certified) moves from 书院社区 (锦江) to 淮口村 (金堂) in a 2022-06-30 snapshot.
        w.Execute("""
            INSERT INTO roster_snapshot VALUES (DATE '2022-06-30', 9, 'move.csv', 1);
            INSERT INTO roster_entry (as_of, person_key, unit_code, post_category, employment, part_time_since, hired, left_on,
                talent_source, education, major, salary_supplement, load_id, line_number) SELECT DATE '2022-06-30', person_key,
                CASE person_key WHEN 'p04' THEN '510121102201' ELSE unit_code END, post_category, employment, part_time_since,
                hired, left_on, talent_source, education, major, salary_supplement, 9, line_number
            FROM roster_entry WHERE as_of = DATE '2021-12-31';
            """);
        var rows = w.Query("SELECT * FROM certified_bridge('2022-03-16', '2022-06-30')");
        // 锦江: 6 − p04 = 5 (leaver 1). 金堂: p09 p10 p14 = 3, + p04 joiner = 4 (p15 left, never certified).
        Assert.Equal(["510104 6 0 0 1 5", "510121 3 0 1 0 4"], Lines(rows));
    }

    [Fact]
    public void Talent_pool_is_certified_people_not_in_post()
    {
        using var w = HandBuiltWarehouse.Create();
        // 2022-03-15: p16 (助理 issued 2021-11-01, was 社工员), p13 (社工员, left). p17 failed: not in the pool.
        Assert.Equal(["助理社会工作师 1", "社工员 1"], Lines(w.Query("SELECT * FROM talent_pool('2022-03-15')")));
        // 2020-12-31: p14 (社会工作师 issued 2020-10-01, hired 2021) and p16 (社工员).
        Assert.Equal(["社会工作师 1", "社工员 1"], Lines(w.Query("SELECT * FROM talent_pool('2020-12-31')")));
        // Before any snapshot every holder is outside the posts: p01 p04 p05 p07 p08 p09 p16 (2019-09-01) at 2020-01-01.
        Assert.Equal(7, w.Query("SELECT * FROM talent_pool('2020-01-01')").Sum(r => L(r["people"])));
    }

    [Fact]
    public void Progress_trend_is_district_progress_at_every_snapshot_date()
    {
        using var w = HandBuiltWarehouse.Create();
        var trend = w.Query("SELECT * FROM progress_trend()");
        Assert.Equal(
            ["as_of", "district_code", "district_name", "required_posts", "qualified_posts", "gap_posts", "workers", "certified",
             "stock_certified", "new_talent"],
            trend[0].Keys);
        Assert.Equal(6, trend.Count); // 3 snapshots × 2 districts
        foreach (var row in trend)
        {
            var asOf = HandBuiltWarehouse.Date(row["as_of"]);
            var expected = w.DistrictProgress(asOf)[(string)row["district_code"]!];
            Assert.Equal(
                (expected.RequiredPosts, expected.QualifiedPosts, expected.GapPosts, expected.Workers, expected.Certified, expected.StockCertified, expected.NewTalent),
                (L(row["required_posts"]), L(row["qualified_posts"]), L(row["gap_posts"]), L(row["workers"]), L(row["certified"]), L(row["stock_certified"]), L(row["new_talent"])));
        }
        // 金堂 at 2021-12-31: p15 still in post (leaves 2022-03-01): workers 6; qualified p09 p10 p11 p14 = 4.
        var jintang = trend.Single(r => HandBuiltWarehouse.Date(r["as_of"]) == new DateOnly(2021, 12, 31) && (string)r["district_code"]! == "510121");
        Assert.Equal((6L, 4L, 1L), (L(jintang["workers"]), L(jintang["qualified_posts"]), L(jintang["gap_posts"])));
    }
}
