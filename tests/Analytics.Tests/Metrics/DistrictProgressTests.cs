namespace Analytics.Tests.Metrics;

/// <summary>
/// district_progress / city_progress on the hand-built case (see <see cref="HandBuiltCase"/>).
/// Numbers in the order: communities, villages, required, qualified, gap, meeting, demo_sites, demo_required,
/// workers, professionals, certified, stock_certified, new_talent.
/// </summary>
public sealed class DistrictProgressTests
{
    private const string Jinjiang = "510104";
    private const string Jintang = "510121";

    [Fact]
    public void Columns_are_the_contract_columns_in_order()
    {
        using var w = HandBuiltWarehouse.Create();
        string[] expected =
        [
            "district_code", "district_name", "district_kind", "communities", "villages", "required_posts",
            "qualified_posts", "gap_posts", "units_meeting_target", "demo_sites", "demo_sites_required", "workers",
            "professionals", "certified", "stock_certified", "new_talent",
        ];
        Assert.Equal(expected, w.Columns("SELECT * FROM district_progress(DATE '2021-12-31')"));
        Assert.Equal(expected, w.Columns("SELECT * FROM city_progress('2021-12-31')"));
        var city = Assert.Single(w.Query("SELECT * FROM city_progress($d)", ("d", new DateOnly(2021, 12, 31))));
        Assert.Equal(("510100", "成都市", "市"), ((string)city["district_code"]!, (string)city["district_name"]!, (string)city["district_kind"]!));
        var districts = w.Query("SELECT district_code, district_name, district_kind FROM district_progress('2021-12-31')");
        Assert.Equal(["510104 锦江区 区", "510121 金堂县 县"], districts.Select(r => $"{r["district_code"]} {r["district_name"]} {r["district_kind"]}"));
    }

    [Fact]
    public void Day_before_the_first_snapshot_nobody_is_in_post()
    {
        using var w = HandBuiltWarehouse.Create();
        var p = w.DistrictProgress(new DateOnly(2020, 3, 30));
        // 锦江: 社区 红星 春熙 书院 东糠市 = 4 → required 2×4 = 8, qualified 0, gap 8; 示范点 2019 only = 1 of 2.
        Assert.Equal(new ProgressNumbers(4, 0, 8, 0, 8, 0, 1, 2, 0, 0, 0, 0, 0), p[Jinjiang]);
        // 金堂: 社区 1, 村 3 → required 2 + 3 = 5; 示范点 赵镇 2020 ≤ 2020 = 1 of 1.
        Assert.Equal(new ProgressNumbers(1, 3, 5, 0, 5, 0, 1, 1, 0, 0, 0, 0, 0), p[Jintang]);
        Assert.Equal(new ProgressNumbers(5, 3, 13, 0, 13, 0, 2, 3, 0, 0, 0, 0, 0), w.CityProgress(new DateOnly(2020, 3, 30)));
    }

    [Fact]
    public void On_the_first_snapshot_date_with_the_certificate_issued_the_next_day()
    {
        using var w = HandBuiltWarehouse.Create();
        var p = w.DistrictProgress(new DateOnly(2020, 3, 31));
        // 锦江 at S1: qualified 红星 p01 p02 = 2, 春熙 0 (p03: 中专 社会工作, certificate issued 2020-04-01 = D+1),
        // 书院 p04 p05 p06 = 3 (surplus 1), 东糠市 0 (p07 not a PP); p08 is at the town centre, not a community.
        // qualified 2+0+3+0 = 5; gap 0+2+0+2 = 4 (not 8−5 = 3: surplus never nets); meeting 红星 书院 = 2.
        // workers p01..p08 = 8; professionals all but p03 = 7; certified p01 p04 p05 p07 p08 = 5, all stock;
        // new: p03 (hired 2020-01-01) p06 = 2 (p02 hired 2019-12-31 is stock).
        Assert.Equal(new ProgressNumbers(4, 0, 8, 5, 4, 2, 1, 2, 8, 7, 5, 5, 2), p[Jinjiang]);
        // 金堂 at S1: 赵镇社区 p09 (兼职, in limit) = 1 (p10: exam 2021 > 2020), 三星村 p11 (大专 社会工作与管理) = 1,
        // 梨花村 0 (p12 中专), 淮口村 p13 (本科 社会工作) = 1 → qualified 3; gap 1+0+1+0 = 2; meeting 三星 淮口 = 2.
        // workers p09 p10 p11 p12 p13 p15 = 6; professionals p09 p11 p13 = 3; certified p09 = 1 (new) → stock 0;
        // new p09 p13 = 2.
        Assert.Equal(new ProgressNumbers(1, 3, 5, 3, 2, 2, 1, 1, 6, 3, 1, 0, 2), p[Jintang]);
        Assert.Equal(new ProgressNumbers(5, 3, 13, 8, 6, 4, 2, 3, 14, 10, 6, 5, 4), w.CityProgress(new DateOnly(2020, 3, 31)));
    }

    [Fact]
    public void After_the_merger_the_abolished_community_no_longer_counts()
    {
        using var w = HandBuiltWarehouse.Create();
        var p = w.DistrictProgress(new DateOnly(2020, 12, 31));
        // 红星 abolished 2020-06-30: 社区 春熙 书院 东糠市 = 3, required 6. 春熙 p01 p02 p03 (certified since 04-01)
        // = 3, 书院 3, 东糠市 0 → qualified 6, gap 2 (6 − 6 = 0 would be netting), meeting 2; demo 2021 not yet = 1.
        // certified p01 p03 p04 p05 p07 p08 = 6, stock of them 5 (p03 is new).
        Assert.Equal(new ProgressNumbers(3, 0, 6, 6, 2, 2, 1, 2, 8, 8, 6, 5, 2), p[Jinjiang]);
        // 金堂: as S1 but p13 certified 2020-08-01 → certified 2.
        Assert.Equal(new ProgressNumbers(1, 3, 5, 3, 2, 2, 1, 1, 6, 3, 2, 0, 2), p[Jintang]);
        Assert.Equal(new ProgressNumbers(4, 3, 11, 9, 4, 4, 2, 3, 14, 11, 8, 5, 4), w.CityProgress(new DateOnly(2020, 12, 31)));
    }

    [Fact]
    public void Part_time_post_counts_on_the_last_day_of_its_two_years_and_not_the_day_after()
    {
        using var w = HandBuiltWarehouse.Create();
        var lastDay = w.DistrictProgress(new DateOnly(2022, 3, 15));
        // 锦江 as at S2, plus 示范点 书院街街道 2021 → 2.
        Assert.Equal(new ProgressNumbers(3, 0, 6, 6, 2, 2, 2, 2, 8, 8, 6, 5, 2), lastDay[Jinjiang]);
        // 金堂 at 2022-03-15 (S3): 赵镇社区 p09 (兼职 since 2020-03-15, last day) + p10 (exam 2021, no 发证日期,
        // 2021 ≤ 2022) = 2, 三星村 p11 = 1 (p15 left 2022-03-01), 梨花村 0, 淮口村 p14 = 1 → qualified 4, gap 1,
        // meeting 3. workers p09 p10 p11 p12 p14 = 5; professionals p09 p10 p11 p14 = 4; certified p09 p10 p14 = 3;
        // stock certified p10 = 1; new p09 p14 = 2.
        Assert.Equal(new ProgressNumbers(1, 3, 5, 4, 1, 3, 1, 1, 5, 4, 3, 1, 2), lastDay[Jintang]);
        Assert.Equal(new ProgressNumbers(4, 3, 11, 10, 3, 5, 3, 3, 13, 12, 9, 6, 4), w.CityProgress(new DateOnly(2022, 3, 15)));

        var dayAfter = w.DistrictProgress(new DateOnly(2022, 3, 16));
        // p09 beyond two years: 赵镇社区 1 → qualified 3, gap 2, meeting 2; p09 still a worker and certified.
        Assert.Equal(new ProgressNumbers(1, 3, 5, 3, 2, 2, 1, 1, 5, 4, 3, 1, 2), dayAfter[Jintang]);
        Assert.Equal(new ProgressNumbers(4, 3, 11, 9, 4, 4, 3, 3, 13, 12, 9, 6, 4), w.CityProgress(new DateOnly(2022, 3, 16)));
    }

    [Fact]
    public void Exam_without_issue_date_counts_from_the_first_day_of_its_exam_year()
    {
        using var w = HandBuiltWarehouse.Create();
        // p10 (赵镇社区, 专职, 高中及以下): 助理 exam 2021 passed, no 发证日期. S2 applies to both dates.
        Assert.Equal(2, w.DistrictProgress(new DateOnly(2020, 12, 31))[Jintang].Certified); // p09 p13
        Assert.Equal(3, w.DistrictProgress(new DateOnly(2021, 1, 1))[Jintang].Certified);   // + p10
        Assert.Equal(4, w.DistrictProgress(new DateOnly(2021, 1, 1))[Jintang].QualifiedPosts);
    }

    [Fact]
    public void Talent_baseline_comes_from_the_setting()
    {
        using var w = HandBuiltWarehouse.Create(talentBaseline: new DateOnly(2020, 2, 1));
        var p = w.DistrictProgress(new DateOnly(2020, 3, 31));
        // baseline 2020-02-01: p03 (hired 2020-01-01) is now stock, p06 (hired 2020-02-01) still new.
        Assert.Equal(1, p[Jinjiang].NewTalent);
        // 金堂: p13 (2020-01-01) stock now, p09 (2020-03-15) new.
        Assert.Equal(1, p[Jintang].NewTalent);
    }

    [Fact]
    public void Empty_warehouse_gives_no_district_and_a_zero_city_row()
    {
        using var w = HandBuiltWarehouse.Empty();
        Assert.Empty(w.DistrictProgress(new DateOnly(2022, 12, 31)));
        Assert.Equal(new ProgressNumbers(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), w.CityProgress(new DateOnly(2022, 12, 31)));
    }

    [Fact]
    public void Callers_may_use_any_alias_in_a_lateral_join()
    {
        using var w = HandBuiltWarehouse.Create();
        // The macros use aliases like s, e, u, p inside; a caller's `s.as_of` must still mean the caller's column.
        var rows = w.Query("SELECT s.as_of, p.district_code, p.workers FROM roster_snapshot s, LATERAL district_progress(s.as_of) p ORDER BY 1, 2");
        Assert.Equal(6, rows.Count);
        foreach (var r in rows)
        {
            Assert.Equal(w.DistrictProgress(HandBuiltWarehouse.Date(r["as_of"]))[(string)r["district_code"]!].Workers, HandBuiltWarehouse.Long(r["workers"]));
        }
        // 金堂 at 2020-03-31 has 6 workers, among them p13, who is absent from the latest snapshot.
        Assert.Equal(6, HandBuiltWarehouse.Long(rows[1]["workers"]));
    }
}
