using Analytics.Dashboards.Appraisal;
using Analytics.Dashboards.Talent;
using Analytics.Dashboards.Tests.Support;

namespace Analytics.Dashboards.Tests.Pages;

public sealed class TalentAndAppraisalPageTests : IDisposable
{
    private readonly DashboardContext ctx = new();

    public TalentAndAppraisalPageTests() => ctx.Warehouse.WithWorkforce();

    [Fact]
    public void Talent_shows_sources_levels_pool_and_the_yearly_bridge_from_the_macros()
    {
        var page = ctx.Render<TalentPage>();

        var graduates = ctx.Warehouse.Scalar("SELECT sum(workers) FROM new_talent_by_source(DATE '2023-06-30') WHERE talent_source = '高校社工专业毕业生'");
        Assert.Contains($"高校社工专业毕业生{graduates}", page.Find("#new-talent-by-source").TextContent.Replace(" ", "").Replace("\n", ""));
        Assert.Contains("助理社会工作师", page.Find("#workers-by-level").TextContent);
        Assert.Contains("未持证", page.Find("#workers-by-level").TextContent);
        Assert.Contains("助理社会工作师", page.Find("#talent-pool").TextContent); // 周九: certified, not in post
        var lastBridge = page.FindAll("#certified-bridges tbody tr")[^1].TextContent;
        var end = ctx.Warehouse.Scalar("SELECT sum(certified_end) FROM certified_bridge(DATE '2022-12-31', DATE '2023-06-30')");
        Assert.StartsWith("2023", lastBridge.Trim());
        Assert.EndsWith(end.ToString(System.Globalization.CultureInfo.InvariantCulture), lastBridge.Trim());
        Assert.Equal(5, page.FindAll("figure.chart img").Count);
    }

    [Fact]
    public void Talent_district_filter_narrows_to_that_district()
    {
        var page = ctx.RenderAt<TalentPage>("talent?district=510132");
        Assert.Equal("510132", page.Find("#filter-district").GetAttribute("value"));
        Assert.DoesNotContain("高校社工专业毕业生", page.Find("#new-talent-by-source").TextContent);
    }

    [Fact]
    public void Appraisal_shows_grades_coverage_and_holders_without_appraisal_masked()
    {
        var page = ctx.Render<AppraisalPage>();

        Assert.Equal("2022", page.Find("#filter-year").GetAttribute("value"));
        Assert.Contains("锦江区", page.Find("#grade-distribution").TextContent);
        Assert.Contains("赵*", page.Find("#supplement-without-appraisal").TextContent);
        Assert.DoesNotContain("赵六", page.Markup);
        var coverage = ctx.Warehouse.Connections.Query(
            "SELECT coverage FROM appraisal_coverage(2022) WHERE district_code = '510104'", r => r.GetDouble(0)).Single();
        Assert.Contains(coverage.ToString("P1", System.Globalization.CultureInfo.GetCultureInfo("zh-CN")), page.Find("#appraisal-coverage").TextContent);
    }

    [Fact]
    public async Task Two_holders_who_look_alike_once_masked_are_both_listed_by_the_real_host()
    {
        // 赵六 (k4) and 赵七 (k7): same surname, unit, supplement and level, neither appraised in 2022. Rows that are
        // equal once masked must still be distinct rows (a duplicate row key made the server render fail).
        ctx.Warehouse.Execute("""
            INSERT INTO person VALUES ('k7', '510104********0077', '赵*', '女', 1989, 2);
            INSERT INTO roster_entry (as_of, person_key, unit_code, post_category, employment, part_time_since, hired, left_on, talent_source, education, major, salary_supplement, load_id, line_number)
            VALUES ('2022-12-31', 'k7', '510104020002', '社区专职工作者', '专职', NULL, '2016-01-01', NULL, '存量转岗', '本科', NULL, 300, 2, 9);
            INSERT INTO exam_result VALUES ('k7', 2018, '助理社会工作师', 2, true, 'C7', '2018-12-01', 4, 9);
            """);
        await using var dashboard = await Browser.RunningDashboard.StartAsync(ctx.Warehouse);
        using var http = await Auth.SignIn.AsAsync(dashboard, Analytics.Dashboards.Auth.Roles.Leadership);

        var response = await http.GetAsync("/appraisal?year=2022");
        var html = System.Net.WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, System.Text.RegularExpressions.Regex.Matches(html, "赵\\*").Count);
    }

    public void Dispose() => ctx.Dispose();
}
