using DuckDB.NET.Data;

namespace Analytics.Tests.Metrics;

/// <summary>
/// target_indicators(as_of): the measured value of every target indicator per district and for the city, worked out
/// by hand on the hand-built case and compared with the formulas the dashboard used before (over the reference macros).
/// </summary>
public sealed class TargetIndicatorsTests
{
    /// <summary>The dashboard's former C# formulas over the reference macros, per district and for the city ('510100').</summary>
    internal const string FormerFormulas = """
        WITH p AS (SELECT * FROM ref_district_progress($as_of)),
        c AS (SELECT * FROM ref_town_centre_coverage($as_of)),
        y AS (SELECT coalesce(max(year), year($as_of)) AS y FROM appraisal WHERE year <= year($as_of)),
        a AS (SELECT ac.* FROM y, LATERAL (SELECT * FROM ref_appraisal_coverage(y.y)) ac),
        m AS (
            SELECT district_code AS area_code, 'unit_posts' AS indicator, units_meeting_target AS num, communities + villages AS den FROM p
            UNION ALL SELECT district_code, 'demo_sites', CASE WHEN demo_sites >= demo_sites_required THEN 1 ELSE 0 END, 1 FROM p
            UNION ALL SELECT district_code, 'professional_share', professionals, workers FROM p
            UNION ALL SELECT district_code, 'town_centre_coverage', towns_with_qualified_centre_post, towns FROM c
            UNION ALL SELECT district_code, 'appraisal_coverage', appraised, holders_with_supplement FROM a),
        areas AS (SELECT * FROM m UNION ALL SELECT '510100', indicator, sum(num), sum(den) FROM m GROUP BY indicator)
        SELECT area_code, indicator, CAST(num AS BIGINT) AS numerator, CAST(den AS BIGINT) AS denominator,
               CAST(num AS DOUBLE) / nullif(den, 0) AS share
        FROM areas
        """;

    internal const string Measured = "SELECT area_code, indicator, numerator, denominator, share FROM target_indicators($as_of)";

    [Fact]
    public void Every_indicator_per_district_and_for_the_city_as_worked_out_by_hand()
    {
        using var w = HandBuiltWarehouse.Create();
        var rows = w.Query("SELECT area_code, area_name, indicator, numerator, denominator, share, measured_at FROM target_indicators($d)",
            ("d", new DateOnly(2022, 3, 15)));

        // 2022-03-15 (the 2021-12-31 snapshot in force): 锦江 社区 春熙 书院 东糠市, meeting 春熙 书院; 金堂 社区 1 + 村 3,
        // meeting 赵镇社区 三星村 淮口村 (see DistrictProgressTests).
        Assert.Equal(["2 3", "3 4", "5 7"], new[] { "510104", "510121", "510100" }.Select(a => NumDen(rows, a, "unit_posts")));
        // 示范点: 锦江 2 of 2 (2019, 2021), 金堂 1 of 1 → both districts meet.
        Assert.Equal(["1 1", "1 1", "2 2"], new[] { "510104", "510121", "510100" }.Select(a => NumDen(rows, a, "demo_sites")));
        // 社会工作专业人才: 锦江 8 of 8 in post, 金堂 4 of 5 (p12: 中专 社会工作, failed exam).
        Assert.Equal(["8 8", "4 5", "12 13"], new[] { "510104", "510121", "510100" }.Select(a => NumDen(rows, a, "professional_share")));
        // Service centres: 春熙路街道 has p08 (qualified) of 锦江's two towns; 金堂's two towns have none.
        Assert.Equal(["1 2", "0 2", "1 4"], new[] { "510104", "510121", "510100" }.Select(a => NumDen(rows, a, "town_centre_coverage")));
        // Appraisal year shown: 2021 (the latest with appraisals up to 2022); holders p01 p04 p07 / p09 p14.
        Assert.Equal(["2 3", "1 2", "3 5"], new[] { "510104", "510121", "510100" }.Select(a => NumDen(rows, a, "appraisal_coverage")));
        Assert.All(rows.Where(r => (string)r["indicator"]! == "appraisal_coverage"),
            r => Assert.Equal(new DateOnly(2021, 12, 31), HandBuiltWarehouse.Date(r["measured_at"])));
        Assert.All(rows.Where(r => (string)r["indicator"]! != "appraisal_coverage"),
            r => Assert.Equal(new DateOnly(2022, 3, 15), HandBuiltWarehouse.Date(r["measured_at"])));
        Assert.Equal("成都市", rows.First(r => (string)r["area_code"]! == "510100")["area_name"]);
        Assert.Equal("锦江区", rows.First(r => (string)r["area_code"]! == "510104")["area_name"]);
        Assert.Equal(0.8, (double)rows.Single(r => (string)r["area_code"]! == "510121" && (string)r["indicator"]! == "professional_share")["share"]!, 6);
    }

    [Fact]
    public void Before_any_snapshot_shares_of_people_are_unknown_not_zero()
    {
        using var w = HandBuiltWarehouse.Create();
        var rows = w.Query("SELECT * FROM target_indicators('2020-01-01') WHERE area_code = '510100' AND indicator IN ('professional_share', 'appraisal_coverage')");
        Assert.Equal(["0 0", "0 0"], rows.Select(r => $"{r["numerator"]} {r["denominator"]}"));
        Assert.All(rows, r => Assert.Null(r["share"]));
    }

    [Fact]
    public void The_indicators_equal_the_dashboards_former_formulas_at_every_date_anything_changes()
    {
        using var w = HandBuiltWarehouse.Create();
        ReferenceMetrics.Install(w.Connection);
        var dates = w.Query("""
            SELECT DISTINCT d FROM (
                SELECT as_of AS d FROM roster_snapshot UNION ALL SELECT hired FROM roster_entry UNION ALL SELECT left_on FROM roster_entry
                UNION ALL SELECT issued FROM exam_result UNION ALL SELECT abolished FROM org_unit
                UNION ALL SELECT make_date(year, 12, 31) FROM appraisal UNION ALL SELECT DATE '2019-01-01') WHERE d IS NOT NULL
            """).Select(r => HandBuiltWarehouse.Date(r["d"])).ToList();
        Assert.True(dates.Count > 20);
        foreach (var d in dates)
            Assert.Empty(ReferenceMetrics.Differences(w.Connection, Measured, FormerFormulas, new DuckDBParameter("as_of", d)));
    }

    private static string NumDen(IEnumerable<IReadOnlyDictionary<string, object?>> rows, string area, string indicator)
    {
        var row = rows.Single(r => (string)r["area_code"]! == area && (string)r["indicator"]! == indicator);
        return $"{row["numerator"]} {row["denominator"]}";
    }
}
