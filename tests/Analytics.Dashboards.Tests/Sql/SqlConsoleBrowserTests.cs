using Analytics.Dashboards.Auth;
using Analytics.Dashboards.Tests.Auth;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;
using Microsoft.Playwright;

namespace Analytics.Dashboards.Tests.Sql;

/// <summary>A researcher signs in, runs a query in the editor, sees the rows, and exports them as CSV.</summary>
public sealed class SqlConsoleBrowserTests
{
    [ChromiumFact]
    public async Task Researcher_runs_a_query_and_exports_it()
    {
        using var warehouse = new TestWarehouse().WithWorkforce();
        await using var dashboard = await RunningDashboard.StartAsync(warehouse);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { AcceptDownloads = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();

        await SignIn.BrowserAsync(page, dashboard, Roles.Researcher);
        await page.GotoAsync(dashboard.BaseUrl + "/sql");
        await page.WaitForSelectorAsync("#app-root[data-interactive=true]", new() { Timeout = 30_000 });
        await page.WaitForSelectorAsync("#sql-editor .monaco-editor", new() { Timeout = 30_000 });
        Assert.Contains("district_progress", await page.InnerTextAsync("#schema"));

        // Type the query into the editor (Monaco: select all, then type over it).
        await page.ClickAsync("#sql-editor .view-lines");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("SELECT gender, count(*) AS n FROM person GROUP BY gender ORDER BY gender");
        await page.ClickAsync("#run");
        await page.WaitForSelectorAsync("#results tbody tr", new() { Timeout = 30_000 });
        Assert.Equal(2, await page.Locator("#results tbody tr").CountAsync());
        Assert.Contains("gender", await page.InnerTextAsync("#results thead"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "9-sql.png"), FullPage = true });

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-csv"));
        var file = await download.PathAsync();
        var csv = (await File.ReadAllTextAsync(file!)).TrimStart('\uFEFF');
        Assert.StartsWith("gender,n", csv);
        Assert.Contains("男,<10", csv);

        // The query and the export are in the audit log, and the query in the user's history.
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM audit_event WHERE kind = 'query' AND user_name = 'researcher-user' AND outcome = 'ok'"));
        Assert.Equal(1, warehouse.Scalar("SELECT count(*) FROM audit_event WHERE kind = 'export' AND user_name = 'researcher-user' AND outcome = 'ok'"));
        Assert.Contains("GROUP BY gender", await page.InnerTextAsync("#history"));

        // A refused statement says why.
        await page.ClickAsync("#sql-editor .view-lines");
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("COPY person TO 'x.csv'");
        await page.ClickAsync("#run");
        await page.WaitForFunctionAsync("() => document.querySelector('#sql-status')?.textContent.includes('只允许一条只读查询')");
    }
}
