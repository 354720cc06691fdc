namespace Analytics.Tests.Metrics;

/// <summary>appraisal_results, appraisal_coverage, supplement_without_appraisal and the quota_summary view.</summary>
public sealed class AppraisalAndQuotaTests
{
    private static IEnumerable<string> Lines(IEnumerable<IReadOnlyDictionary<string, object?>> rows) => HandBuiltWarehouse.Lines(rows);

    [Fact]
    public void Appraisal_results_count_by_assessor_district_type_and_grade()
    {
        using var w = HandBuiltWarehouse.Create();
        Assert.Equal(
            ["510104 社区社工专业岗位绩效考评 优秀 1", "510104 社区社工专业岗位绩效考评 合格 1",
             "510121 社区社会工作者绩效考评 合格 1", "510121 社区社会工作者绩效考评 基本合格 1"],
            Lines(w.Query("SELECT * FROM appraisal_results($y)", ("y", 2021))));
        Assert.Equal(["510104 社区社会工作者绩效考评 合格 1"], Lines(w.Query("SELECT * FROM appraisal_results(2020)")));
        Assert.Empty(w.Query("SELECT * FROM appraisal_results(2019)"));
    }

    [Fact]
    public void Appraisal_coverage_of_certificate_holders_drawing_the_supplement()
    {
        using var w = HandBuiltWarehouse.Create();
        // In post and certified at 2021-12-31 with 基本工资增发 > 0:
        // 锦江 p01 (400), p04 (600), p07 (200) = 3 — p05 has 0, p03 p08 none; appraised 2021: p01 p04 → 2/3.
        // 金堂 p09 (300), p14 (500) = 2 — p10 has 0; appraised p09 → 1/2 (p11 appraised but draws nothing).
        Assert.Equal(["510104 3 2 0.667", "510121 2 1 0.5"], Lines(w.Query("SELECT * FROM appraisal_coverage(2021)")));
        // 2020: no supplements in the 2020-12-31 snapshot → no holder, coverage NULL (not 0).
        Assert.Equal(["510104 0 0 NULL", "510121 0 0 NULL"], Lines(w.Query("SELECT * FROM appraisal_coverage(2020)")));
    }

    [Fact]
    public void Supplement_without_appraisal_lists_the_people_with_masked_names()
    {
        using var w = HandBuiltWarehouse.Create();
        // p07 was appraised for 2020 only.
        Assert.Equal(
            ["p07 周* 510104 510104002002 200 社工员", "p14 蒋** 510121 510121102201 500 社会工作师"],
            Lines(w.Query("SELECT * FROM supplement_without_appraisal(2021)")));
        Assert.DoesNotContain(
            w.Columns("SELECT * FROM supplement_without_appraisal(2021)"),
            c => c is "name" or "id_masked");
    }

    [Fact]
    public void Quota_summary_sums_every_unit_of_the_district()
    {
        using var w = HandBuiltWarehouse.Create();
        // 2021 锦江: 510104 10/8 + 书院社区 2/— → 12/8. 2022 金堂: not yet approved → NULL.
        Assert.Equal(
            ["2021 510104 12 8", "2021 510121 3 3", "2022 510121 5 NULL"],
            Lines(w.Query("SELECT year, district_code, requested, approved FROM quota_summary")));
    }

    [Fact]
    public void Metric_scripts_can_be_reinstalled_on_an_open_warehouse()
    {
        using var w = HandBuiltWarehouse.Create();
        var before = w.DistrictProgress(new DateOnly(2022, 3, 15));
        Analytics.Warehouse.Storage.SchemaScripts.ApplyMetrics(w.Connection);
        Assert.Equal(before, w.DistrictProgress(new DateOnly(2022, 3, 15)));
    }
}
