using Analytics.Dashboards.Quality;
using Analytics.Dashboards.Tests.Support;

namespace Analytics.Dashboards.Tests.Quality;

public sealed class QualityPageTests : IDisposable
{
    private readonly DashboardContext ctx = new();

    public QualityPageTests()
    {
        // Now = 2023-07-10 09:00; limits 30 / 90 days.
        ctx.Warehouse.Execute("""
            INSERT INTO load_run (load_id, file_name, sha256, kind, rows_read, rows_loaded, rows_quarantined, started_at, finished_at, outcome, message_zh, message_en) VALUES
              (1, '区划名录.csv', 'a', 'org_units', 10, 10, 0, '2023-01-01 08:00', '2023-01-01 08:01', 'loaded', NULL, NULL),
              (2, '2023年花名册.csv', 'b', 'roster', 12, 10, 2, '2023-07-01 08:00', '2023-07-01 08:02', 'loaded', NULL, NULL),
              (3, 'exam_2021.csv', 'c', 'exam_results', 5, 5, 0, '2023-05-20 08:00', '2023-05-20 08:01', 'loaded', NULL, NULL),
              (4, 'bad.csv', 'd', NULL, 0, 0, 0, '2023-07-02 08:00', '2023-07-02 08:00', 'refused', '表头无法识别', 'header not recognised');
            INSERT INTO load_message (load_id, file_name, line_number, column_name, reason_zh, reason_en) VALUES
              (2, '2023年花名册.csv', 5, '身份证号', '身份证号校验位错误', 'ID number check character is wrong'),
              (2, '2023年花名册.csv', 9, '入职日期', '入职日期晚于统计日期', 'hired after the as-of date'),
              (3, 'exam_2021.csv', 3, '考试年度', '考试年度超出范围', 'exam year out of range');
            INSERT INTO job_run VALUES (1, 'inbox', '2023-07-01 08:00', '2023-07-01 08:03', 2, 'succeeded', NULL);
            """);
    }

    [Fact]
    public void Freshness_of_each_kind_follows_the_configured_ages()
    {
        var page = ctx.Render<QualityPage>();

        Assert.Contains("fresh-fresh", page.Find("tr[data-kind=roster]").ClassName);      // 9 days
        Assert.Contains("fresh-warn", page.Find("tr[data-kind=exam_results]").ClassName); // 51 days
        Assert.Contains("fresh-error", page.Find("tr[data-kind=org_units]").ClassName);   // 190 days
        Assert.Contains("fresh-never", page.Find("tr[data-kind=appraisals]").ClassName);
        Assert.Contains("2023年7月1日 08:02", page.Find("tr[data-kind=roster]").TextContent);
        Assert.Contains("9天", page.Find("tr[data-kind=roster]").TextContent);
    }

    [Fact]
    public void Quarantine_lists_every_row_and_filters_by_file_and_reason()
    {
        var all = ctx.Render<QualityPage>();
        Assert.Equal("共 3 行", all.Find("#quarantine-count").TextContent);
        Assert.Contains("身份证号校验位错误", all.Find("#quarantine").TextContent);

        var byFile = ctx.RenderAt<QualityPage>("quality?file=exam_2021.csv");
        Assert.Equal("共 1 行", byFile.Find("#quarantine-count").TextContent);
        Assert.Contains("考试年度超出范围", byFile.Find("#quarantine").TextContent);

        var byText = ctx.RenderAt<QualityPage>("quality?q=" + Uri.EscapeDataString("入职"));
        Assert.Equal("共 1 行", byText.Find("#quarantine-count").TextContent);
        Assert.Contains("quality/quarantine.csv?file=&q=%E5%85%A5%E8%81%8C", byText.Find("#quarantine-export").GetAttribute("href"));
    }

    [Fact]
    public void Load_and_job_history_are_listed()
    {
        var page = ctx.Render<QualityPage>();
        Assert.Contains("bad.csv", page.Find("#load-history").TextContent);
        Assert.Contains("已拒收", page.Find("#load-history").TextContent);
        Assert.Contains("表头无法识别", page.Find("#load-history").TextContent);
        Assert.Contains("inbox", page.Find("#job-history").TextContent);
        Assert.Contains("成功", page.Find("#job-history").TextContent);
    }

    [Fact]
    public void The_page_re_renders_when_the_warehouse_changes()
    {
        var page = ctx.Render<QualityPage>();
        Assert.Equal("共 3 行", page.Find("#quarantine-count").TextContent);

        ctx.Warehouse.Execute("INSERT INTO load_message (load_id, file_name, line_number, column_name, reason_zh, reason_en) VALUES (2, '2023年花名册.csv', 11, '学历', '学历取值无效', 'education value invalid')");
        ctx.Events.Raise();

        page.WaitForAssertion(() => Assert.Equal("共 4 行", page.Find("#quarantine-count").TextContent));
    }

    [Fact]
    public void English_switch_translates_the_page()
    {
        using var english = new DashboardContext("en");
        var page = english.Render<QualityPage>();
        Assert.Equal("Data quality", page.Find("h1").TextContent);
        Assert.Contains("Never loaded", page.Find("tr[data-kind=roster]").TextContent);
    }

    public void Dispose() => ctx.Dispose();
}
