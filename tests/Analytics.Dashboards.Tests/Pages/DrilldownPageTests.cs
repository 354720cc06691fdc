using Analytics.Dashboards.Drilldown;
using Analytics.Dashboards.Overview;
using Analytics.Dashboards.Tests.Support;

namespace Analytics.Dashboards.Tests.Pages;

public sealed class DrilldownPageTests : IDisposable
{
    private readonly DashboardContext ctx = new();

    public DrilldownPageTests() => ctx.Warehouse.WithWorkforce();

    [Fact]
    public void Overview_shows_city_figures_from_city_progress_at_the_latest_snapshot()
    {
        var page = ctx.Render<OverviewPage>();

        var expected = ctx.Warehouse.Scalar("SELECT gap_posts FROM city_progress(DATE '2023-06-30')");
        Assert.Equal(2, expected);
        Assert.Equal("2", page.Find("#gap-posts").TextContent);
        Assert.Equal("5", page.Find("#required-posts").TextContent);
        Assert.Equal("3", page.Find("#qualified-posts").TextContent);
        Assert.Equal("2023-06-30", page.Find("#filter-as-of").GetAttribute("value"));
        Assert.Equal(2, page.FindAll("figure.chart img").Count);
        Assert.Contains("district/510104?asOf=2023-06-30", page.Find("#district-map a.tile[data-code='510104']").GetAttribute("href"));
        Assert.Equal("1", page.Find("#certified-city").TextContent);     // 钱七: 社工员
        Assert.Equal("4", page.Find("#certified-national").TextContent); // 张三, 王五, 赵六, 孙八
        Assert.Contains("66.7%", page.Find("tr[data-target=posts-2022]").TextContent); // 2 of 3 units
        Assert.Contains("未达标", page.Find("tr[data-target=posts-2022]").TextContent);
        Assert.Contains("规划设定", page.Find("tr[data-target=professional-share-2025]").TextContent);
    }

    [Fact]
    public void Overview_as_of_in_the_url_picks_the_earlier_snapshot()
    {
        var page = ctx.RenderAt<OverviewPage>("?asOf=2022-12-31");
        Assert.Equal("2022-12-31", page.Find("#filter-as-of").GetAttribute("value"));
        var qualified = ctx.Warehouse.Scalar("SELECT qualified_posts FROM city_progress(DATE '2022-12-31')");
        Assert.Equal(qualified.ToString(System.Globalization.CultureInfo.InvariantCulture), page.Find("#qualified-posts").TextContent);
    }

    [Fact]
    public void District_lists_its_towns_and_demo_sites()
    {
        var page = ctx.Render<DistrictPage>(p => p.Add(x => x.Code, "510104"));
        Assert.Equal("锦江区", page.Find("h1").TextContent);
        Assert.Contains("春熙路街道", page.Find("#towns").TextContent);
        Assert.Contains("town/510104020?asOf=2023-06-30", page.Find("#towns a").GetAttribute("href"));
        Assert.Contains("和平社区社工示范点", page.Markup);
        Assert.Equal("1", page.Find("#certified-city").TextContent);
        Assert.Equal("4", page.Find("#certified-national").TextContent);
        Assert.Contains("持证：社工员（市级）", page.Find("#towns").TextContent);
    }

    [Fact]
    public void Town_lists_communities_by_gap_and_its_centre_workers()
    {
        var page = ctx.Render<TownPage>(p => p.Add(x => x.Code, "510104020"));
        Assert.Equal("春熙路街道", page.Find("h1").TextContent);
        Assert.Contains("community/510104020002", page.Find("#communities a").GetAttribute("href")); // the gap first
        Assert.Contains("孙*", page.Markup);
        Assert.DoesNotContain("孙八", page.Markup);
    }

    [Fact]
    public void Community_shows_who_counts_and_why_with_masked_names()
    {
        var page = ctx.Render<CommunityPage>(p => p.Add(x => x.Code, "510104020002"));
        Assert.Equal("春熙社区", page.Find("h1").TextContent);
        Assert.Equal("2", page.Find("#gap-posts").TextContent);
        var workers = page.Find(".workers").TextContent;
        Assert.Contains("王*", workers);
        Assert.Contains("赵*", workers);
        Assert.DoesNotContain("王五", page.Markup);
        var reasons = ctx.Warehouse.Connections.Query("SELECT reason_zh FROM community_workers(DATE '2023-06-30', '510104020002')", r => r.GetString(0));
        Assert.All(reasons.Where(r => r != ""), r => Assert.Contains(r, workers));
    }

    [Fact]
    public void Community_shows_each_workers_professional_title_and_a_dash_where_none_was_given()
    {
        ctx.Warehouse.Execute("UPDATE roster_entry SET professional_title = '中级社会工作师' WHERE person_key = 'k3' AND as_of = DATE '2023-06-30'");

        var page = ctx.Render<CommunityPage>(p => p.Add(x => x.Code, "510104020002"));

        var headers = page.FindAll(".workers th").Select(h => h.TextContent.Trim()).ToList();
        var column = headers.FindIndex(h => h.Contains("职称", StringComparison.Ordinal));
        Assert.True(column >= 0, "no 职称 column in " + string.Join(" | ", headers));
        var titles = page.FindAll(".workers tbody tr").Select(r => r.QuerySelectorAll("td")[column].TextContent.Trim()).Order().ToList();
        Assert.Equal(["—", "中级社会工作师"], titles);
    }

    public void Dispose() => ctx.Dispose();
}
