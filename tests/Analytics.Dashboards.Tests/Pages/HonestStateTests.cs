using Analytics.Dashboards.Components.Shared;
using Analytics.Dashboards.Overview;
using Analytics.Dashboards.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Dashboards.Tests.Pages;

/// <summary>数据加载中 / 数据截至: no figures while the first load runs, and dates outside the rosters flagged.</summary>
public sealed class HonestStateTests : IDisposable
{
    private readonly DashboardContext ctx = new();

    public HonestStateTests() => ctx.Warehouse.WithWorkforce();

    public void Dispose() => ctx.Dispose();

    private void StartFirstLoad()
    {
        ctx.Warehouse.Execute("INSERT INTO job_run (run_id, job, started_at, outcome) VALUES (1, 'inbox', TIMESTAMP '2023-07-10 08:00', 'running')");
        Directory.CreateDirectory(Path.Combine(ctx.Warehouse.Folder, "inbox"));
        File.WriteAllText(Path.Combine(ctx.Warehouse.Folder, "inbox", "2023年花名册.csv"), "x");
    }

    [Fact]
    public void Figures_are_hidden_while_the_first_load_runs_and_the_banner_says_so()
    {
        StartFirstLoad();

        var page = ctx.Render<OverviewPage>();
        Assert.Empty(page.FindAll("#gap-posts"));
        Assert.Empty(page.FindAll("figure.chart img"));
        var banner = ctx.Render<DataBanner>();
        Assert.Equal("loading", banner.Find("#data-banner").GetAttribute("data-state"));
        Assert.Contains("数据加载中", banner.Find("#data-banner").TextContent);
    }

    [Fact]
    public void A_later_load_keeps_the_figures_and_says_new_files_are_coming()
    {
        StartFirstLoad();
        ctx.Warehouse.Execute("INSERT INTO load_run (load_id, file_name, sha256, kind, rows_read, rows_loaded, rows_quarantined, started_at, finished_at, outcome) " +
                              "VALUES (3, '2023年花名册.csv', 'b', 'roster', 9, 8, 1, '2023-07-01 08:00', '2023-07-01 08:02', 'loaded')");

        var page = ctx.Render<OverviewPage>();
        Assert.Equal("2", page.Find("#gap-posts").TextContent);
        var banner = ctx.Render<DataBanner>();
        Assert.Equal("refreshing", banner.Find("#data-banner").GetAttribute("data-state"));
        Assert.Contains("数据截至 2023年6月30日", banner.Find("#data-banner").TextContent);
        Assert.Contains("1 个新文件正在加载", banner.Find("#data-banner").TextContent);
    }

    [Fact]
    public void An_empty_warehouse_shows_no_figures_and_not_the_clock_s_date()
    {
        using var empty = new DashboardContext();
        var page = empty.Render<OverviewPage>();
        Assert.Empty(page.FindAll("#gap-posts"));
        var banner = empty.Render<DataBanner>();
        Assert.Equal("nodata", banner.Find("#data-banner").GetAttribute("data-state"));
        Assert.DoesNotContain("2023年7月10日", banner.Markup);
    }

    [Theory]
    [InlineData("2030-01-01", "晚于最新一期花名册（2023年6月30日）")]
    [InlineData("2019-01-01", "早于第一期花名册（2022年12月31日）")]
    [InlineData("2023-01-15", "不是花名册日期")]
    [InlineData("bogus", "无法识别")]
    public void An_as_of_date_outside_the_rosters_is_flagged(string asOf, string warning)
    {
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("?asOf=" + asOf);
        var banner = ctx.Render<DataBanner>();
        Assert.Contains(warning, banner.Find("#as-of-warning").TextContent);
    }

    [Fact]
    public void A_roster_date_gets_the_as_of_line_and_no_warning()
    {
        ctx.Services.GetRequiredService<NavigationManager>().NavigateTo("?asOf=2022-12-31");
        var banner = ctx.Render<DataBanner>();
        Assert.Empty(banner.FindAll("#as-of-warning"));
        Assert.Contains("数据截至 2022年12月31日", banner.Find("#data-banner").TextContent);
    }
}
