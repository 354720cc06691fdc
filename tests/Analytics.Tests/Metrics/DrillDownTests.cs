namespace Analytics.Tests.Metrics;

/// <summary>town_progress, community_progress and community_workers on the hand-built case.</summary>
public sealed class DrillDownTests
{
    private static long L(object? v) => HandBuiltWarehouse.Long(v);

    [Fact]
    public void Town_progress_splits_a_district_by_town_with_the_centre_post_apart()
    {
        using var w = HandBuiltWarehouse.Create();
        var rows = w.Query("SELECT * FROM town_progress($d, $district)", ("d", new DateOnly(2022, 3, 15)), ("district", "510104"));
        Assert.Equal(
            ["town_code", "town_name", "town_kind", "communities", "villages", "required_posts", "qualified_posts", "gap_posts",
             "units_meeting_target", "centre_qualified_posts", "workers", "professionals", "certified"],
            rows[0].Keys);
        // 春熙路街道: 社区 春熙 only (红星 abolished) → required 2, qualified p01 p02 p03 = 3, gap 0, meeting 1;
        // centre p08 = 1; workers p01 p02 p03 p08 = 4, all professionals, certified p01 p03 p08 = 3.
        // 书院街街道: 书院 3 + 东糠市 0 → required 4, qualified 3, gap 2, meeting 1; centre 0;
        // workers p04..p07 = 4, professionals 4, certified p04 p05 p07 = 3.
        Assert.Equal(
            ["510104001 春熙路街道 街道 1 0 2 3 0 1 1 4 4 3", "510104002 书院街街道 街道 2 0 4 3 2 1 0 4 4 3"],
            rows.Select(r => string.Join(' ', r.Values)));
    }

    [Fact]
    public void Community_progress_lists_units_at_the_date_with_gap_and_surplus_apart()
    {
        using var w = HandBuiltWarehouse.Create();
        var before = w.Query("SELECT * FROM community_progress('2020-03-31', '510104001')");
        // 红星 p01 p02 qualified (meets); 春熙 p03 not yet certified → gap 2.
        Assert.Equal(
            ["510104001001 红星社区 社区 2 2 0 True 2 2 1", "510104001002 春熙社区 社区 2 0 2 False 1 0 0"],
            before.Select(r => string.Join(' ', r.Values)));
        var after = w.Query("SELECT * FROM community_progress('2020-12-31', '510104001')");
        // 红星 abolished 2020-06-30; 春熙 now has p01 p02 p03 = 3 (surplus 1, gap 0).
        Assert.Equal(["510104001002 春熙社区 社区 2 3 0 True 3 3 2"], after.Select(r => string.Join(' ', r.Values)));
        var villages = w.Query("SELECT unit_code, unit_kind, required_posts, qualified_posts, gap_posts, meets_target FROM community_progress('2022-03-15', '510121101')");
        Assert.Equal(
            ["510121101001 社区 2 2 0 True", "510121101201 建制村 1 1 0 True", "510121101202 建制村 1 0 1 False"],
            villages.Select(r => string.Join(' ', r.Values)));
    }

    [Fact]
    public void Community_workers_say_why_a_person_is_not_a_qualified_post()
    {
        using var w = HandBuiltWarehouse.Create();
        var zhaozhen = w.Query("SELECT * FROM community_workers($d, $unit)", ("d", new DateOnly(2022, 3, 16)), ("unit", "510121101001"));
        Assert.Equal(
            ["person_key", "name_masked", "post_category", "employment", "part_time_since", "hired", "talent_group", "talent_source",
             "level", "certified", "professional", "qualified", "reason_zh", "reason_en", "professional_title"],
            zhaozhen[0].Keys);
        var p10 = zhaozhen.Single(r => (string)r["person_key"]! == "p10");
        Assert.Equal(("冯*", "存量", "助理社会工作师", true, true, true), ((string)p10["name_masked"]!, (string)p10["talent_group"]!, (string)p10["level"]!, (bool)p10["certified"]!, (bool)p10["professional"]!, (bool)p10["qualified"]!));
        Assert.Null(p10["reason_zh"]);
        Assert.Null(p10["reason_en"]);
        var p09 = zhaozhen.Single(r => (string)r["person_key"]! == "p09");
        Assert.Equal(("增量", "一村一名大学生", false), ((string)p09["talent_group"]!, (string)p09["talent_source"]!, (bool)p09["qualified"]!));
        Assert.Equal(("兼职已超过两年", "part-time for more than two years"), ((string)p09["reason_zh"]!, (string)p09["reason_en"]!));
        Assert.Equal(new DateOnly(2020, 3, 15), HandBuiltWarehouse.Date(p09["part_time_since"]));

        var chunxi = Assert.Single(w.Query("SELECT * FROM community_workers('2020-03-31', '510104001002')"));
        Assert.Equal(("p03", false, false, null), ((string)chunxi["person_key"]!, (bool)chunxi["certified"]!, (bool)chunxi["professional"]!, chunxi["level"]));
        Assert.Equal(("未取得证书且非社会工作专业学历", "not certified and no social-work degree"), ((string)chunxi["reason_zh"]!, (string)chunxi["reason_en"]!));

        var dongkangshi = Assert.Single(w.Query("SELECT * FROM community_workers('2020-03-31', '510104002002')"));
        Assert.Equal(("p07", "非社会工作专业岗位", "not a professional post"), ((string)dongkangshi["person_key"]!, (string)dongkangshi["reason_zh"]!, (string)dongkangshi["reason_en"]!));
        Assert.True((bool)dongkangshi["certified"]!);

        // The 9-digit service centre works as a unit too; nobody is in post before the first snapshot.
        Assert.Equal("p08", Assert.Single(w.Query("SELECT person_key FROM community_workers('2021-06-01', '510104001')"))["person_key"]);
        Assert.Empty(w.Query("SELECT * FROM community_workers('2020-03-30', '510104001002')"));
    }

    [Fact]
    public void Social_work_major_counts_from_junior_college_up_not_below()
    {
        using var w = HandBuiltWarehouse.Create();
        // p11 大专 社会工作与管理 (三星村) is a professional; p12 中专 社会工作 (梨花村) is not.
        var p11 = Assert.Single(w.Query("SELECT professional, qualified FROM community_workers('2020-03-31', '510121101201') WHERE person_key = 'p11'"));
        var p12 = Assert.Single(w.Query("SELECT professional, qualified FROM community_workers('2020-03-31', '510121101202')"));
        Assert.Equal((true, true), ((bool)p11["professional"]!, (bool)p11["qualified"]!));
        Assert.Equal((false, false), ((bool)p12["professional"]!, (bool)p12["qualified"]!));
        Assert.Equal(0, L(w.Query("SELECT certified FROM community_progress('2022-03-15', '510121101') WHERE unit_code = '510121101202'")[0]["certified"]));
    }
}
