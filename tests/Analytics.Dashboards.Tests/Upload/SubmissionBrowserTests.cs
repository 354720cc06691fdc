using Analytics.Tests.Templates;
using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Tests.Auth;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Scoping;
using Analytics.Dashboards.Tests.Support;
using Microsoft.Playwright;

namespace Analytics.Dashboards.Tests.Upload;

/// <summary>
/// Done-when of issue 13, in Chromium against the real host and a real warehouse file: a 锦江区 clerk downloads the roster
/// template, fills it in (cells written with the Open XML SDK as a spreadsheet program saves them), uploads it, sees the
/// bad row in the preview, confirms, and finds the figures on the dashboard after the inbox job loaded it; a 锦江区 viewer
/// gets no 青羊区 figure through any address.
/// </summary>
public sealed class SubmissionBrowserTests
{
    private static readonly string[] ChromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];
    private static readonly DateOnly AsOf = new(2023, 12, 31);

    private static Task WaitInteractiveAsync(IPage page) => page.WaitForSelectorAsync("#app-root[data-interactive=true]", new() { Timeout = 60_000 });

    private static async Task<(RunningDashboard, IPlaywright, IBrowser)> StartAsync(TestWarehouse warehouse)
    {
        var dashboard = await RunningDashboard.StartAsync(warehouse, "--Scheduling:InboxInterval=00:00:01", "--Scheduling:StableFor=00:00:00");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.ExecutablePath, Args = ChromiumArgs });
        return (dashboard, playwright, browser);
    }

    [ChromiumFact]
    public async Task A_jinjiang_clerk_submits_the_filled_in_template_and_finds_the_figures_on_the_dashboard()
    {
        using var warehouse = new TestWarehouse().WithQingyang();
        var (dashboard, playwright, browser) = await StartAsync(warehouse);
        await using var _ = dashboard;
        using var __ = playwright;
        await using var ___ = browser;
        SignIn.UserOf(dashboard, Roles.Clerk, "510104");
        var page = await browser.NewPageAsync(new() { Locale = "zh-CN", AcceptDownloads = true });
        await SignIn.BrowserAsync(page, dashboard, Roles.Clerk);

        await page.GotoAsync(dashboard.BaseUrl + "/upload");
        await WaitInteractiveAsync(page);
        Assert.Contains("锦江区", await page.InnerTextAsync("#upload-district"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#template-roster"));
        var path = Path.Combine(warehouse.Folder, "clerk", "锦江区2023年12月花名册.xlsx");
        await download.SaveAsAsync(path);
        TemplateFiller.Fill(path,
            UploadIds.RosterRow(AsOf, 1, "张一", "510104020001"),
            UploadIds.RosterRow(AsOf, 2, "张二", "510104020001"),
            UploadIds.RosterRow(AsOf, 3, "张三", "510104020002"),
            UploadIds.RosterRow(AsOf, 4, "张四", "510104020201", post: "社工"));

        await page.SetInputFilesAsync("#upload-file", path);
        await page.WaitForSelectorAsync("#upload-preview", new() { Timeout = 60_000 });
        Assert.Equal("社区工作者花名册", await page.InnerTextAsync("#preview-kind"));
        Assert.Equal("2023年12月31日", await page.InnerTextAsync("#preview-as-of"));
        Assert.Equal("4", await page.InnerTextAsync("#preview-rows"));
        Assert.Equal("3", await page.InnerTextAsync("#preview-good"));
        Assert.Contains("锦江区", await page.InnerTextAsync("#preview-districts"));
        var bad = await page.InnerTextAsync("#preview-problems tr[data-line='5']");
        Assert.Contains("岗位类别", bad);
        Assert.Contains("社工", bad);
        Assert.Equal(0, warehouse.Scalar("SELECT count(*) FROM roster_snapshot WHERE as_of = DATE '2023-12-31'")); // nothing committed yet

        await page.ClickAsync("#upload-confirm");
        await page.WaitForSelectorAsync("#upload-message", new() { Timeout = 30_000 });
        for (var i = 0; i < 120 && warehouse.Scalar("SELECT count(*) FROM roster_snapshot WHERE as_of = DATE '2023-12-31'") == 0; i++) await Task.Delay(500);
        Assert.Equal(3, warehouse.Scalar("SELECT rows FROM roster_snapshot WHERE as_of = DATE '2023-12-31'"));
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM quarantine WHERE line_number = 5 AND column_name = '岗位类别'"));
        Assert.True(Directory.EnumerateFiles(Path.Combine(warehouse.Folder, "archive"), "*.xlsx", SearchOption.AllDirectories).Any());

        // The figures on the dashboard: the overview of the clerk's district at the new snapshot.
        var expected = warehouse.Scalar("SELECT workers FROM district_progress(DATE '2023-12-31') WHERE district_code = '510104'");
        Assert.Equal(3, expected);
        await page.GotoAsync(dashboard.BaseUrl + "/district/510104?asOf=2023-12-31");
        await WaitInteractiveAsync(page);
        Assert.Equal(warehouse.Scalar("SELECT required_posts FROM district_progress(DATE '2023-12-31') WHERE district_code = '510104'").ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.InnerTextAsync("#required-posts"));
        Assert.Equal(warehouse.Scalar("SELECT qualified_posts FROM district_progress(DATE '2023-12-31') WHERE district_code = '510104'").ToString(System.Globalization.CultureInfo.InvariantCulture),
            await page.InnerTextAsync("#qualified-posts"));

        // Past submissions show the outcome.
        await page.GotoAsync(dashboard.BaseUrl + "/upload");
        await WaitInteractiveAsync(page);
        Assert.Contains("已导入：3 行，问题行 1", await page.InnerTextAsync("#upload-history"));
    }

    [ChromiumFact]
    public async Task A_jinjiang_viewer_sees_no_qingyang_through_any_address_in_the_browser()
    {
        using var warehouse = new TestWarehouse().WithQingyang();
        var (dashboard, playwright, browser) = await StartAsync(warehouse);
        await using var _ = dashboard;
        using var __ = playwright;
        await using var ___ = browser;
        SignIn.UserOf(dashboard, Roles.Leadership, "510104");
        var page = await browser.NewPageAsync(new() { Locale = "zh-CN" });
        await SignIn.BrowserAsync(page, dashboard, Roles.Leadership);

        foreach (var url in new[] { "/?district=510105", "/district", "/district/510105", "/town/510105001", "/community/510105001001", "/talent?district=510105", "/appraisal?district=510105&year=2022", "/briefing?district=510105" })
        {
            await page.GotoAsync(dashboard.BaseUrl + url);
            await WaitInteractiveAsync(page);
            var text = await page.InnerTextAsync("body");
            foreach (var name in QingyangData.Names) Assert.False(text.Contains(name, StringComparison.Ordinal), $"{url} shows {name}");
        }
        // Exports fetched with the browser's own cookie.
        var csv = await page.APIRequest.GetAsync(dashboard.BaseUrl + "/district/scorecard.csv?district=510105");
        Assert.DoesNotContain("青羊区", await csv.TextAsync());
        var pdf = await page.APIRequest.GetAsync(dashboard.BaseUrl + "/briefing.pdf?district=510105", new() { MaxRedirects = 0 });
        Assert.NotEqual(200, pdf.Status);
    }
}
