using System.Diagnostics;
using System.Net;
using Analytics.Etl.Benchmarks;
using Microsoft.Playwright;

namespace Analytics.Dashboards.Benchmarks;

/// <summary>
/// Time to usable in a real browser (<c>--pages</c>): Debian's Chromium driven by Playwright, signed in with the bench's
/// cookie; per page one warm-up visit, then the median of N visits from navigation to the interactive circuit
/// (<c>#app-root[data-interactive=true]</c>: links and filters answer). Targets: ≤ 1 s warm at city scale, ≤ 2 s at
/// province scale.
/// </summary>
internal static class BrowserPageBench
{
    public const double CityTargetMilliseconds = 1000, ProvinceTargetMilliseconds = 2000;

    public static async Task<IReadOnlyList<BenchMeasure>> RunAsync(
        Uri baseAddress, CookieContainer cookies, IReadOnlyList<string> pages, int runs, bool province, string chromium, TextWriter log)
    {
        var scale = province ? "province" : "city";
        log.WriteLine($"浏览器 browser: {chromium}, {runs} visits per page after one warm-up ...");
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 }, Locale = "zh-CN" });
        await context.AddCookiesAsync(cookies.GetAllCookies().Select(c => new Microsoft.Playwright.Cookie
        {
            Name = c.Name, Value = c.Value, Domain = baseAddress.Host, Path = c.Path, HttpOnly = c.HttpOnly, Secure = c.Secure,
        }));
        var page = await context.NewPageAsync();
        var measures = new List<BenchMeasure>();
        foreach (var path in pages)
        {
            var url = new Uri(baseAddress, path).ToString();
            var times = new List<double>();
            for (var run = -1; run < runs; run++)
            {
                var watch = Stopwatch.StartNew();
                await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit, Timeout = 60_000 });
                await page.WaitForSelectorAsync("#app-root[data-interactive=true]", new() { Timeout = 60_000 });
                if (run >= 0) times.Add(watch.Elapsed.TotalMilliseconds);
            }
            var median = BenchStats.Median(times);
            log.WriteLine($"  {path}: usable after {median:0} ms (median of {runs})");
            measures.Add(BenchMeasure.AtMost($"浏览器可用 browser time to usable {path} ({scale})", median, "ms",
                province ? ProvinceTargetMilliseconds : CityTargetMilliseconds));
        }
        return measures;
    }
}
