namespace Analytics.Tests.Metrics;

/// <summary>
/// The macros over the snapshot facts agree with the definitions they replaced (over the raw tables) on the hand-built
/// case, at every date on which anything in it changes and the day before and after: hires and leavers between
/// snapshots, certificates issued between snapshots, 兼职 limits expiring between snapshots, units set up and abolished
/// between snapshots, and dates before the first and after the last snapshot.
/// </summary>
public sealed class HandBuiltAgreementTests
{
    /// <summary>More edges on top of the hand-built case, each between snapshots.</summary>
    private const string Edges = """
        -- a village set up between S2 and S3, and a town abolished at S3's date
        INSERT INTO org_unit (code, name, kind, level, parent_code, district_code, established, abolished, load_id) VALUES
            ('510121101203', '新建村', '建制村', 'community', '510121101', '510121', DATE '2021-05-01', NULL, 1),
            ('510121103', '已撤乡', '乡', 'town', '510121', '510121', NULL, DATE '2021-12-31', 1);
        -- in S3: a 兼职 post without 兼职起始日期; a person at a unit the register does not know; one at the new village
        -- hired after S3; a person who passed the same level twice and a higher level later, with and without 发证日期
        INSERT INTO roster_entry (as_of, person_key, unit_code, post_category, employment, part_time_since, hired, left_on, talent_source, education, major, salary_supplement, load_id, line_number) VALUES
            ('2021-12-31', 'p20', '510121101203', '社会工作专业岗位', '兼职', NULL, '2021-06-01', NULL, '其他', '本科', '社会工作', NULL, 4, 20),
            ('2021-12-31', 'p21', '510199001001', '社会工作专业岗位', '专职', NULL, '2018-01-01', NULL, '存量转岗', '本科', '社会工作', NULL, 4, 21),
            ('2021-12-31', 'p22', '510121101203', '社会工作专业岗位', '专职', NULL, '2022-01-15', NULL, '其他', '大专', '法学', NULL, 4, 22),
            ('2021-12-31', 'p23', '510121103', '社会工作专业岗位', '专职', NULL, '2019-01-01', '2022-02-01', '存量转岗', '中专', '法学', NULL, 4, 23);
        INSERT INTO exam_result VALUES
            ('p22', 2019, '社工员', 1, true, 'C22A', '2019-08-01', 5, 20),
            ('p22', 2020, '社工员', 1, true, 'C22B', '2020-08-01', 5, 21),
            ('p22', 2022, '社会工作师', 3, true, NULL, NULL, 5, 22),
            ('p23', 2021, '高级社会工作师', 4, true, 'C23', '2022-01-20', 5, 23);
        UPDATE roster_snapshot SET rows = rows + 4 WHERE as_of = DATE '2021-12-31';
        """;

    [Fact]
    public void Every_macro_agrees_with_the_reference_at_every_date_anything_changes()
    {
        using var w = HandBuiltWarehouse.Create();
        w.Execute(Edges);
        ReferenceMetrics.Install(w.Connection);
        w.Execute("""
            CREATE OR REPLACE TEMP TABLE agreement_date AS
            WITH changes AS (
                SELECT as_of AS d FROM roster_snapshot
                UNION ALL SELECT hired FROM roster_entry UNION ALL SELECT left_on FROM roster_entry
                UNION ALL SELECT CAST(part_time_since + INTERVAL 2 YEAR AS DATE) FROM roster_entry
                UNION ALL SELECT issued FROM exam_result UNION ALL SELECT make_date(exam_year, 1, 1) FROM exam_result
                UNION ALL SELECT established FROM org_unit UNION ALL SELECT abolished FROM org_unit
                UNION ALL SELECT make_date(year, 1, 1) FROM demo_site
                UNION ALL SELECT DATE '2000-01-01' UNION ALL SELECT DATE '2030-12-31'
            )
            SELECT DISTINCT CAST(c.d + INTERVAL (o.days) DAY AS DATE) AS d
            FROM changes c, (VALUES (-1), (0), (1)) o(days) WHERE c.d IS NOT NULL;
            CREATE OR REPLACE TEMP TABLE agreement_year AS SELECT CAST(range AS INTEGER) AS y FROM range(2018, 2024);
            CREATE OR REPLACE TEMP TABLE agreement_district AS SELECT code FROM org_unit WHERE level = 'district';
            CREATE OR REPLACE TEMP TABLE agreement_town AS SELECT code FROM org_unit WHERE level = 'town';
            CREATE OR REPLACE TEMP TABLE agreement_unit AS SELECT code FROM org_unit UNION SELECT unit_code FROM roster_entry;
            """);

        Assert.True(HandBuiltWarehouse.Long(w.Query("SELECT count(*) AS n FROM agreement_date")[0]["n"]) > 60);
        Assert.Empty(MetricAgreement.Disagreements(w.Connection, allDatesAtOnce: true));
    }

    [Fact]
    public void The_comparison_sees_a_difference()
    {
        using var w = HandBuiltWarehouse.Create();
        ReferenceMetrics.Install(w.Connection);
        // The facts are derived data: changing a raw row without refreshing them must show up as a disagreement.
        using (var cmd = w.Connection.CreateCommand())
        {
            cmd.CommandText = "UPDATE roster_entry SET left_on = DATE '2021-06-30' WHERE person_key = 'p04' AND as_of = DATE '2020-12-31'";
            cmd.ExecuteNonQuery();
        }
        var found = ReferenceMetrics.Differences(w.Connection,
            "SELECT * FROM district_progress(DATE '2021-07-01')", "SELECT * FROM ref_district_progress(DATE '2021-07-01')");
        Assert.Equal(2, found.Count);
        Assert.Contains(found, f => f.StartsWith("new: ", StringComparison.Ordinal) && f.Contains("510104", StringComparison.Ordinal));
    }
}
