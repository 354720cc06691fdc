using Analytics.Dashboards.Tests.Browser;
using Microsoft.Playwright;

namespace Analytics.Dashboards.Tests.Forecast;

/// <summary>预测 in Chromium on the real host: the fitting state, then the fan chart; a scenario control moves the gap.</summary>
[Collection(DemoHistoryCollection.Name)]
public sealed class ForecastBrowserTests(DemoHistory demo) : IDisposable
{
    private static readonly string Screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
    private readonly string folder = Directory.CreateTempSubdirectory("analytics-forecast-browser-").FullName;

    public void Dispose()
    {
        try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
    }

    [ChromiumFact]
    public async Task Forecast_page_changes_with_a_scenario_control_and_is_screenshotted()
    {
        Directory.CreateDirectory(Screenshots);
        await using var host = await ForecastHost.StartAsync(demo.CopyTo(folder));
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = ChromiumFactAttribute.ExecutablePath,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });

        // From the nav entry 预测 to the page; the fit runs in the background, then the figures appear.
        using (await host.PlannerClientAsync()) { }
        await page.GotoAsync(host.BaseUrl + "/account/signin");
        await page.FillAsync("#userName", "planner-user");
        await page.FillAsync("#password", Auth.SignIn.Password);
        await page.ClickAsync("#signin");
        await page.WaitForURLAsync(host.BaseUrl + "/");
        await page.WaitForSelectorAsync("#app-root[data-interactive=true]", new() { Timeout = 30_000 });
        await page.ClickAsync("nav a[href='forecast']");
        await page.WaitForURLAsync("**/forecast");
        await page.WaitForSelectorAsync("#forecast-table", new() { Timeout = 180_000 });
        await page.WaitForSelectorAsync("#app-root[data-interactive=true]", new() { Timeout = 30_000 });
        Assert.Equal(0, await page.Locator(".error").CountAsync());

        // Choose 简阳市 (the largest gap in the demo) (URL carries it), then double attrition: the district's gap in the target year moves.
        await PageActions.SelectUntilUrlAsync(page, "#forecast-district", "510185", "**district=510185**");
        await page.WaitForSelectorAsync("#approved-posts");
        var before = await page.InnerTextAsync("#compare tbody tr:first-child .scenario");
        await page.FillAsync("#attrition-change", "150");
        await page.PressAsync("#attrition-change", "Tab");
        await page.WaitForFunctionAsync("b => document.querySelector('#compare tbody tr:first-child .scenario')?.textContent !== b", before);
        await page.WaitForSelectorAsync("#export-unsaved");
        Assert.Equal(before, await page.InnerTextAsync("#compare tbody tr:first-child .baseline"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screenshots, "9-forecast.png"), FullPage = true });
    }
}
