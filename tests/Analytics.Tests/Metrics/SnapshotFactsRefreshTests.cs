using Analytics.Tests.Extracts;
using Analytics.Tests.Loading;
using Analytics.Warehouse.Facts;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Tests.Metrics;

/// <summary>
/// The loader refreshes the snapshot facts in each file's transaction, by kind, so that after every load they are
/// exactly what a full rebuild from the raw tables gives; a warehouse loaded before facts existed gets them at its first
/// open; a changed talent baseline recomputes the per-snapshot summary.
/// </summary>
public sealed class SnapshotFactsRefreshTests
{
    private const string RosterHeader = "统计日期,身份证号,姓名,性别,工作单位代码,岗位类别,用工方式,兼职起始日期,入职日期,离职日期,人才来源,学历,所学专业,基本工资增发";
    private const string ExamHeader = "身份证号,姓名,考试年度,资格级别,考试结果,证书编号,发证日期";
    private static readonly string Wang = TestIds.Person(1), Li = TestIds.Person(2), Zhao = TestIds.Person(3), Qian = TestIds.Person(4);

    /// <summary>Every fact row with its integer keys resolved to codes and person keys (so rebuilt keys compare equal).</summary>
    private const string FactContents = """
        SELECT 'worker' AS t, CAST(w AS VARCHAR) AS r FROM (SELECT * EXCLUDE (unit_id) FROM fact_worker) w
        UNION ALL SELECT 'unit', CAST(u AS VARCHAR) FROM (SELECT * EXCLUDE (unit_id) FROM fact_unit) u
        UNION ALL SELECT 'unit key', k.code FROM fact_unit_key k
        UNION ALL SELECT 'certificate', CAST(c AS VARCHAR) FROM fact_certificate c
        UNION ALL SELECT 'level', CAST(l AS VARCHAR) FROM fact_certificate_level l
        UNION ALL SELECT 'snapshot', CAST(s AS VARCHAR) FROM fact_snapshot s
        UNION ALL SELECT 'summary', CAST(p AS VARCHAR) FROM snapshot_district_progress p
        UNION ALL SELECT 'worker ids', CAST(count(*) AS VARCHAR) FROM fact_worker w
            JOIN fact_unit_key k ON k.unit_id = w.unit_id AND k.code = w.unit_code
        ORDER BY ALL
        """;

    private static List<string> Contents(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = FactContents;
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read()) rows.Add(reader.GetString(0) + ": " + reader.GetString(1));
        return rows;
    }

    /// <summary>The facts as the loads left them, and as a full rebuild makes them (rolled back).</summary>
    private static (List<string> Incremental, List<string> Rebuilt) Both(LoaderFixture f)
    {
        using var connection = f.Database.Open();
        var incremental = Contents(connection);
        using var transaction = connection.BeginTransaction();
        SnapshotFacts.RebuildAll(connection);
        var rebuilt = Contents(connection);
        transaction.Rollback();
        return (incremental, rebuilt);
    }

    private static void AssertLoaded(Analytics.Etl.Loading.LoadReport report) =>
        Assert.All(report.Files, r => Assert.Equal(Analytics.Etl.Loading.LoadOutcome.Loaded, r.Outcome));

    [Fact]
    public void After_every_kind_of_load_the_facts_equal_a_full_rebuild()
    {
        using var f = new LoaderFixture();
        AssertLoaded(f.Load(f.Write("区划名录.csv", SampleExtracts.OrgRegister)));
        AssertLoaded(f.Load(f.Write("2020年花名册.csv", $"""
            {RosterHeader}
            2020-06-30,{Wang},王一,,510104001001,社会工作专业岗位,专职,,2018-03-01,,存量转岗,本科,法学,
            2020-06-30,{Li},李二,,510104001001,社会工作专业岗位,兼职,2019-09-01,2019-09-01,,其他,大专,社会工作,
            2020-06-30,{Zhao},赵三,,510121100201,社区专职工作者,专职,,2020-02-01,,其他,本科,社会工作,

            """)));
        var unitIdBefore = f.Scalar<int>("SELECT unit_id FROM fact_unit WHERE code = '510104001001'");
        var (incremental, rebuilt) = Both(f);
        Assert.Equal(rebuilt, incremental);
        Assert.Contains(incremental, r => r.StartsWith("worker ids: 3", StringComparison.Ordinal));

        // Exams after the rosters: the certificate dates are copied onto the roster rows already there.
        AssertLoaded(f.Load(f.Write("exam_2020.csv", $"""
            {ExamHeader}
            {Wang},王一,2020,助理社会工作师,通过,C1,2020-09-15
            {Zhao},赵三,2021,社工员,通过,C2,

            """)));
        (incremental, rebuilt) = Both(f);
        Assert.Equal(rebuilt, incremental);
        Assert.Equal("2020-09-15", f.Rows("SELECT DISTINCT CAST(certified_from AS VARCHAR) FROM fact_worker WHERE person_key IN (SELECT person_key FROM fact_certificate WHERE certified_from = DATE '2020-09-15')").Single());

        // A second snapshot, then a corrected file for the first one (it replaces that snapshot only).
        AssertLoaded(f.Load(f.Write("2021年花名册.csv", $"""
            {RosterHeader}
            2021-06-30,{Wang},王一,,510104001001,社会工作专业岗位,专职,,2018-03-01,,存量转岗,本科,法学,
            2021-06-30,{Qian},钱四,,510104001,社会工作专业岗位,专职,,2021-01-04,,其他,本科,社会工作,

            """)));
        AssertLoaded(f.Load(f.Write("2020年花名册（更正）.csv", $"""
            {RosterHeader}
            2020-06-30,{Wang},王一,,510104001001,社会工作专业岗位,专职,,2018-03-01,,存量转岗,本科,法学,
            2020-06-30,{Li},李二,,510104001001,社会工作专业岗位,兼职,2019-09-01,2019-09-01,2020-12-31,其他,大专,社会工作,

            """)));
        (incremental, rebuilt) = Both(f);
        Assert.Equal(rebuilt, incremental);
        Assert.Equal(4, f.Scalar<int>("SELECT count(*) FROM fact_worker"));

        // The register changes: a new community, the village abolished. Unit keys are never reassigned.
        AssertLoaded(f.Load(f.Write("区划名录_调整.csv", """
            区划代码,名称,类型,上级代码,设立日期,撤销日期
            510104001003,新建社区,社区,510104001,2021-01-01,
            510121100201,三星村,建制村,510121100,,2021-03-31

            """)));
        (incremental, rebuilt) = Both(f);
        Assert.Equal(rebuilt, incremental);
        Assert.Equal(unitIdBefore, f.Scalar<int>("SELECT unit_id FROM fact_unit WHERE code = '510104001001'"));
        // 2021-04-01: 锦江 has 红星路 and 新建 (盐市口 abolished 2020-06-30); 金堂 has no village left.
        Assert.Equal(["510104|2|4|1", "510121|0|0|0"],
            f.Rows("SELECT district_code, communities, required_posts, qualified_posts FROM district_progress(DATE '2021-04-01')"));
    }

    [Fact]
    public void A_warehouse_loaded_before_facts_existed_gets_them_at_its_first_open()
    {
        using var f = new LoaderFixture();
        AssertLoaded(f.Load(f.Write("区划名录.csv", SampleExtracts.OrgRegister)));
        AssertLoaded(f.Load(f.Write("2020年花名册.csv",
            $"{SampleExtracts.RosterHeader}\n{SampleExtracts.RosterRow("2020-06-30", Wang, "王一")}\n{SampleExtracts.RosterRow("2020-06-30", Li, "李二")}\n")));
        var expected = f.Rows("SELECT * FROM district_progress(DATE '2020-07-01')");
        using (var connection = f.Database.Open())
        {
            // As the warehouse was before schema 040: the metric macros of then, no fact table, no record of the script.
            ReferenceMetrics.InstallUnderTheirOwnNames(connection);
            connection.Execute("""
                DROP TABLE fact_worker; DROP TABLE fact_unit; DROP TABLE fact_unit_key;
                DROP TABLE fact_certificate; DROP TABLE fact_certificate_level; DROP TABLE fact_snapshot;
                DROP TABLE fact_unit_people; DROP TABLE snapshot_district_progress; DROP TABLE fact_state;
                DROP MACRO TABLE target_indicators; DROP MACRO TABLE appraisal_year_at; DROP MACRO TABLE area_progress_at;
                DROP MACRO TABLE unit_status_at; DROP MACRO TABLE unit_people_at; DROP MACRO TABLE worker_flags_at;
                DROP MACRO TABLE snapshot_at; DROP MACRO varies_in_window; DROP MACRO post_gap; DROP MACRO is_post_unit;
                DROP MACRO unit_exists_at; DROP MACRO level_rank_at; DROP MACRO certificate_valid_from;
                DROP MACRO within_part_time_limit; DROP MACRO part_time_limit; DROP MACRO is_professional_post;
                DROP MACRO in_post_on; DROP MACRO is_stock;
                DELETE FROM schema_version WHERE script LIKE '%snapshot_facts%';
                """);
        }

        var reopened = new WarehouseDatabase(f.Options);
        using var opened = reopened.Open();
        Assert.Equal(2L, opened.Scalar("SELECT count(*) FROM fact_worker"));
        Assert.Equal(SnapshotFacts.Version, opened.Scalar("SELECT value FROM fact_state WHERE name = 'version'"));
        Assert.Equal(expected, f.Rows("SELECT * FROM district_progress(DATE '2020-07-01')"));
        Assert.Equal(2, f.Scalar<int>("SELECT workers FROM progress_trend() WHERE district_code = '510104'"));
    }

    [Fact]
    public void A_changed_talent_baseline_recomputes_the_per_snapshot_summary_at_open()
    {
        using var f = new LoaderFixture();
        AssertLoaded(f.Load(f.Write("区划名录.csv", SampleExtracts.OrgRegister)));
        AssertLoaded(f.Load(f.Write("2020年花名册.csv",
            $"{SampleExtracts.RosterHeader}\n{SampleExtracts.RosterRow("2020-06-30", Wang, "王一", hired: "2019-05-01")}\n")));
        Assert.Equal(0, f.Scalar<int>("SELECT new_talent FROM progress_trend() WHERE district_code = '510104'"));

        var later = new WarehouseDatabase(new WarehouseOptions { Path = f.Options.Path, PersonKey = f.Options.PersonKey, TalentBaseline = new DateOnly(2019, 1, 1) });
        using var opened = later.Open();
        Assert.Equal(1L, Convert.ToInt64(opened.Scalar("SELECT new_talent FROM progress_trend() WHERE district_code = '510104'")));
        Assert.Equal(1L, Convert.ToInt64(opened.Scalar("SELECT new_talent FROM district_progress(DATE '2020-06-30') WHERE district_code = '510104'")));
    }
}
