using System.Globalization;
using Analytics.Dashboards.Tests.Support;
using Microsoft.Playwright;

namespace Analytics.Dashboards.Tests.Browser;

/// <summary>The real app in Chromium: every page, filters in the URL, a two-level drill-down, figures against the SQL.</summary>
public sealed class DashboardBrowserTests
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        await WaitInteractiveAsync(page);
    }

    /// <summary>The layout marks itself data-interactive="true" once the Blazor circuit runs it.</summary>
    private static Task WaitInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#app-root[data-interactive=true]", new() { Timeout = 30_000 });

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, name + ".png"), FullPage = true });

    private static string Text(long n) => n.ToString("N0", CultureInfo.GetCultureInfo("zh-CN"));

    [ChromiumFact]
    public async Task Every_page_filters_drill_down_and_figures_match_the_sql()
    {
        Directory.CreateDirectory(Screenshots);
        using var warehouse = new TestWarehouse().WithWorkforce();
        warehouse.Execute("""
            INSERT INTO load_run (load_id, file_name, sha256, kind, rows_read, rows_loaded, rows_quarantined, started_at, finished_at, outcome)
            VALUES (3, '2023年花名册.csv', 'b', 'roster', 9, 8, 1, '2023-07-01 08:00', '2023-07-01 08:02', 'loaded');
            INSERT INTO load_message (load_id, file_name, line_number, column_name, reason_zh, reason_en) VALUES (3, '2023年花名册.csv', 5, '身份证号', '身份证号校验位错误', 'ID number check character is wrong');
            """);
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1280, Height = 900 } });
        var root = dashboard.BaseUrl;
        await Auth.SignIn.BrowserAsync(page, dashboard, Analytics.Dashboards.Auth.Roles.Admin);

        // Overview at the latest snapshot: the city's gap is city_progress's.
        await OpenAsync(page, root + "/");
        Assert.Equal(Text(warehouse.Scalar("SELECT gap_posts FROM city_progress(DATE '2023-06-30')")), await page.InnerTextAsync("#gap-posts"));
        await ShotAsync(page, "1-overview");

        // As-of date and district go into the URL (bookmarkable) and change the figures.
        await PageActions.SelectUntilUrlAsync(page, "#filter-as-of", "2022-12-31", "**asOf=2022-12-31**");
        await page.WaitForFunctionAsync("q => document.querySelector('#qualified-posts')?.textContent === q",
            Text(warehouse.Scalar("SELECT qualified_posts FROM city_progress(DATE '2022-12-31')")));
        await PageActions.SelectUntilUrlAsync(page, "#filter-district", "510104", "**district=510104**");
        Assert.Contains("asOf=2022-12-31", page.Url);

        // Drill down: district → town → community.
        await OpenAsync(page, root + "/district/510104?asOf=2023-06-30");
        await page.ClickAsync("#towns a");
        await page.WaitForURLAsync("**/town/510104020?asOf=2023-06-30");
        await WaitInteractiveAsync(page);
        await page.WaitForFunctionAsync("() => document.querySelector('h1')?.textContent === '春熙路街道'");
        await page.WaitForSelectorAsync("#communities a");
        await ShotAsync(page, "2-town");
        await page.ClickAsync("#communities a");
        await page.WaitForURLAsync("**/community/510104020002?asOf=2023-06-30");
        await page.WaitForFunctionAsync("() => document.querySelector('h1')?.textContent === '春熙社区'");
        await page.WaitForSelectorAsync(".workers");
        var gap = warehouse.Scalar("SELECT gap_posts FROM community_progress(DATE '2023-06-30', '510104020') WHERE unit_code = '510104020002'");
        Assert.Equal(Text(gap), await page.InnerTextAsync("#gap-posts"));
        Assert.DoesNotContain("王五", await page.ContentAsync());
        await ShotAsync(page, "3-community");

        // Every other page opens without an error panel.
        foreach (var (path, name) in new[] { ("/talent", "4-talent"), ("/appraisal", "5-appraisal"), ("/quality", "6-quality"), ("/targets", "7-targets") })
        {
            await OpenAsync(page, root + path);
            Assert.Equal(0, await page.Locator(".error").CountAsync());
            await ShotAsync(page, name);
        }

        // The language switch (culture cookie) turns the page English.
        await OpenAsync(page, root + "/quality");
        Assert.Contains("身份证号校验位错误", await page.InnerTextAsync("#quarantine"));
        await page.ClickAsync("#lang-en");
        await page.WaitForFunctionAsync("() => document.querySelector('h1')?.textContent === 'Data quality'");
        await WaitInteractiveAsync(page);
        Assert.Contains("ID number check character is wrong", await page.InnerTextAsync("#quarantine"));
        await ShotAsync(page, "8-quality-en");
    }
}
