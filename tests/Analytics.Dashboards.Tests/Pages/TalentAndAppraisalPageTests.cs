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
        Assert.Equal(4, page.FindAll("figure.chart img").Count);
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

    public void Dispose() => ctx.Dispose();
}
