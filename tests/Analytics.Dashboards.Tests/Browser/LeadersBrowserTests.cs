using System.Diagnostics;
using Analytics.Dashboards.Tests.Forecast;
using Analytics.Dashboards.Tests.Support;
using Microsoft.Playwright;

namespace Analytics.Dashboards.Tests.Browser;

/// <summary>
/// The city demo (20 districts, five years of rosters) in Chromium on this machine, which has no system Chinese font:
/// the web font draws every character (no tofu), every page fits a 390 px phone, the title takes focus without a box,
/// the pager speaks Chinese, the map's tiles lead to their districts, the briefing prints on one A4 page, and every
/// page (the clerks' upload with a preview and the submission status included) is screenshotted at 1440×900 and 390×844
/// into TestResults/screenshots.
/// </summary>
[Collection(DemoHistoryCollection.Name)]
public sealed class LeadersBrowserTests(DemoHistory demo) : IDisposable
{
    private readonly TestWarehouse scratch = new();

    public void Dispose() => scratch.Dispose();

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"];

    private static Task WaitInteractiveAsync(IPage page) =>
        page.WaitForSelectorAsync("#app-root[data-interactive=true]", new() { Timeout = 60_000 });

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url, new() { Timeout = 120_000 });
        await WaitInteractiveAsync(page);
        await page.EvaluateAsync("() => document.fonts.ready");
    }

    private async Task<(RunningDashboard Dashboard, IPlaywright Playwright, IBrowser Browser)> StartAsync()
    {
        var copy = demo.CopyTo(Path.Combine(scratch.Folder, "demo"));
        var dashboard = await RunningDashboard.StartAsync(scratch, $"--Warehouse:Path={copy}", $"--Warehouse:PersonKey={DemoHistory.PersonKey}");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumFactAttribute.ExecutablePath, Args = ChromiumArgs });
        return (dashboard, playwright, browser);
    }

    private static async Task<IPage> SignedInPageAsync(IBrowser browser, RunningDashboard dashboard, int width, int height)
    {
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = width, Height = height }, Locale = "zh-CN" });
        await Auth.SignIn.BrowserAsync(page, dashboard, Analytics.Dashboards.Auth.Roles.Admin);
        return page;
    }

    private static bool MachineHasChineseFonts()
    {
        using var fcList = Process.Start(new ProcessStartInfo("fc-list", ":lang=zh") { RedirectStandardOutput = true })!;
        var output = fcList.StandardOutput.ReadToEnd();
        fcList.WaitForExit();
        return output.Trim().Length > 0;
    }

    /// <summary>
    /// Renders every Chinese character of the page on a canvas in the font the element showing it uses (buttons and
    /// selects included). Tofu boxes of different characters are identical, real glyphs are not: per font stack,
    /// every character (plus 成都 as a pair of references) must give a shape of its own.
    /// </summary>
    private const string GlyphProbe = """
        async () => {
          const cjk = /[\u3400-\u9fff\uff01-\uff5e]/;
          const byStack = new Map();
          for (const el of document.querySelectorAll('body *')) {
            const own = [...el.childNodes].filter(n => n.nodeType === 3).map(n => n.textContent).join('')
              + (el.tagName === 'SELECT' ? [...el.options].map(o => o.text).join('') : '');
            if (!cjk.test(own)) continue;
            const stack = getComputedStyle(el).fontFamily;
            const set = byStack.get(stack) ?? new Set(['成', '都']);
            for (const ch of own) if (cjk.test(ch)) set.add(ch);
            byStack.set(stack, set);
          }
          const draw = (font, ch) => {
            const c = document.createElement('canvas'); c.width = 44; c.height = 44;
            const g = c.getContext('2d'); g.font = font; g.fillStyle = '#000'; g.textBaseline = 'top'; g.fillText(ch, 4, 4);
            return Array.from(g.getImageData(0, 0, 44, 44).data).join(',');
          };
          const blank = draw('32px monospace', ' ');
          const report = { chars: 0, distinct: 0, inked: 0, stacks: [], controlTofuAlike: draw('32px monospace', '成') === draw('32px monospace', '都') };
          for (const [stack, set] of byStack) {
            const chars = [...set];
            await document.fonts.load('32px ' + stack, chars.join(''));
            const shapes = chars.map(ch => draw('32px ' + stack, ch));
            report.chars += chars.length; report.distinct += new Set(shapes).size; report.inked += shapes.filter(s => s !== blank).length;
            report.stacks.push(stack);
          }
          return report;
        }
        """;

    [ChromiumFact]
    public async Task The_web_font_draws_every_chinese_character_without_a_system_font()
    {
        var (dashboard, playwright, browser) = await StartAsync();
        await using var _ = dashboard;
        using var __ = playwright;
        await using var ___ = browser;
        var page = await SignedInPageAsync(browser, dashboard, 1440, 900);
        var problems = new List<string>();
        page.Console += (_, m) => { if (m.Text.Contains("OTS", StringComparison.Ordinal) || m.Text.Contains("decode downloaded font", StringComparison.OrdinalIgnoreCase)) problems.Add(m.Text); };
        var fontRequests = new List<string>();
        page.Request += (_, r) => { if (r.Url.Contains("/fonts/", StringComparison.Ordinal)) fontRequests.Add(r.Url); };

        await OpenAsync(page, dashboard.BaseUrl + "/");
        var stack = await page.EvaluateAsync<string>("() => getComputedStyle(document.body).fontFamily");
        Assert.StartsWith("\"PingFang SC\"", stack); // the system's Chinese fonts first, the web font after them
        Assert.Contains("\"Noto Sans SC\"", stack);
        Assert.True(await page.EvaluateAsync<bool>("async () => { await document.fonts.load('16px \"Noto Sans SC\"', '成都'); return document.fonts.check('16px \"Noto Sans SC\"', '成都'); }"));
        var loadedFaces = await page.EvaluateAsync<int>("() => [...document.fonts].filter(f => f.family.includes('Noto Sans SC') && f.status === 'loaded').length");
        var declaredFaces = await page.EvaluateAsync<int>("() => [...document.fonts].filter(f => f.family.includes('Noto Sans SC')).length");
        Assert.InRange(loadedFaces, 1, declaredFaces / 2); // only the slices the page's text needs

        foreach (var path in new[] { "/", "/district", "/quality" })
        {
            await OpenAsync(page, dashboard.BaseUrl + path);
            var probe = await page.EvaluateAsync<GlyphReport>(GlyphProbe);
            Assert.True(probe.Chars > 50, $"only {probe.Chars} Chinese characters on {path}?");
            Assert.True(probe.Chars == probe.Distinct, $"{path}: {probe.Chars - probe.Distinct} characters drawn as the same box (tofu) in {string.Join(" | ", probe.Stacks)}");
            Assert.Equal(probe.Chars, probe.Inked);
            if (!MachineHasChineseFonts()) Assert.True(probe.ControlTofuAlike, "the control (monospace, no Chinese font here) should draw tofu");
        }
        Assert.DoesNotContain(fontRequests, u => u.EndsWith(".ttc", StringComparison.Ordinal));
        Assert.Empty(problems);
    }

    private sealed class GlyphReport
    {
        public int Chars { get; set; }
        public int Distinct { get; set; }
        public int Inked { get; set; }
        public bool ControlTofuAlike { get; set; }
        public string[] Stacks { get; set; } = [];
    }

    [ChromiumFact]
    public async Task Every_page_fits_a_phone_and_a_desktop_and_is_screenshotted()
    {
        var (dashboard, playwright, browser) = await StartAsync();
        await using var _ = dashboard;
        using var __ = playwright;
        await using var ___ = browser;
        var root = dashboard.BaseUrl;
        var town = await FirstAsync(dashboard, "SELECT town_code FROM town_progress(DATE '2023-06-30', '510104') ORDER BY gap_posts DESC LIMIT 1");
        var community = await FirstAsync(dashboard, $"SELECT unit_code FROM community_progress(DATE '2023-06-30', '{town}') ORDER BY gap_posts DESC LIMIT 1");
        (string Path, string Name)[] pages =
        [
            ("/", "overview"), ("/?map=share", "overview-map-share"), ("/district", "scorecard"), ("/district/510185", "district"),
            ($"/town/{town}", "town"), ($"/community/{community}", "community"), ("/talent", "talent"), ("/appraisal", "appraisal"),
            ("/quality", "quality"), ("/briefing", "briefing-city"), ("/briefing?district=510185", "briefing-district"),
            ("/?asOf=2030-01-01", "overview-after-data"), ("/no-such-page", "not-found"),
            ("/upload", "upload-preview"), ("/submissions", "submissions"),
        ];
        // The clerks' pages: /upload shown with the preview of a dropped roster (one good row, one problem row).
        var roster = Path.Combine(scratch.Folder, "成华区2023年9月花名册.xlsx");
        using (var file = File.Create(roster)) Analytics.Etl.Templates.ExtractTemplate.Write("roster", file);
        var asOf = new DateOnly(2023, 9, 30);
        Analytics.Tests.Templates.TemplateFiller.Fill(roster, Upload.UploadIds.RosterRow(asOf, 1, "张一", community),
            Upload.UploadIds.RosterRow(asOf, 2, "张二", community, post: "社工"));
        foreach (var (width, height, size) in new[] { (1440, 900, "1440"), (390, 844, "390") })
        {
            var page = await SignedInPageAsync(browser, dashboard, width, height);
            foreach (var (path, name) in pages)
            {
                await OpenAsync(page, root + path);
                if (name == "upload-preview")
                {
                    await page.SetInputFilesAsync("#upload-file", roster);
                    await page.WaitForSelectorAsync("#preview-problems", new() { Timeout = 60_000 });
                }
                Assert.Equal(0, await page.Locator(".error").CountAsync());
                if (path != "/no-such-page") await page.WaitForSelectorAsync("#data-banner");
                var fit = await page.EvaluateAsync<int[]>(
                    "() => [document.documentElement.scrollWidth, window.innerWidth, document.querySelector('main').scrollWidth, document.querySelector('main').clientWidth]");
                Assert.True(fit[0] <= fit[1], $"{name} at {width}: the page is {fit[0]} px wide in a {fit[1]} px window");
                Assert.True(fit[2] <= fit[3], $"{name} at {width}: the content is {fit[2]} px wide in {fit[3]} px");
                await page.ScreenshotAsync(new() { Path = Screenshots.PathOf($"{size}-{name}.png"), FullPage = true });
            }
        }
    }

    private static async Task<string> FirstAsync(RunningDashboard dashboard, string sql)
    {
        var connections = (Analytics.Dashboards.WarehouseReads.WarehouseConnections)dashboard.App.Services.GetService(typeof(Analytics.Dashboards.WarehouseReads.WarehouseConnections))!;
        await Task.Yield();
        return connections.Query(sql, r => r.GetString(0)).Single();
    }

    [ChromiumFact]
    public async Task Leaders_click_the_map_page_the_grid_in_chinese_and_print_the_briefing_on_one_page()
    {
        var (dashboard, playwright, browser) = await StartAsync();
        await using var _ = dashboard;
        using var __ = playwright;
        await using var ___ = browser;
        var page = await SignedInPageAsync(browser, dashboard, 1440, 900);

        // The map's tile for 简阳市 leads to its page; the title then has the focus, drawn without a box.
        await OpenAsync(page, dashboard.BaseUrl + "/");
        await page.ClickAsync("#district-map a.tile[data-code='510185']");
        await page.WaitForURLAsync("**/district/510185?asOf=2023-06-30");
        await page.WaitForFunctionAsync("() => document.querySelector('h1')?.textContent === '简阳市'");
        await page.WaitForFunctionAsync("() => document.activeElement?.tagName === 'H1'");
        Assert.Equal("none", await page.EvaluateAsync<string>("() => getComputedStyle(document.activeElement).outlineStyle"));

        // The pager of the load history: Chinese words on every button, the next page on a click.
        await OpenAsync(page, dashboard.BaseUrl + "/quality");
        var pager = page.Locator("#load-history .pager");
        Assert.Contains("第 1 页，共 2 页", await pager.InnerTextAsync());
        foreach (var button in await pager.Locator("button").AllAsync()) Assert.False(string.IsNullOrWhiteSpace(await button.InnerTextAsync()));
        Assert.DoesNotMatch("[A-Za-z]", await pager.InnerTextAsync());
        await pager.Locator("button.next").ClickAsync();
        await page.WaitForFunctionAsync("() => document.querySelector('#load-history .pager .summary')?.textContent.startsWith('第 2 页')");

        // The briefing prints as one A4 page (Chromium's own print of the page with the print style sheet).
        foreach (var area in new[] { "", "?district=510185" })
        {
            await OpenAsync(page, dashboard.BaseUrl + "/briefing" + area);
            await page.WaitForSelectorAsync("#briefing-rows");
            var pdf = Path.Combine(scratch.Folder, $"print{area.Length}.pdf");
            await page.PdfAsync(new() { Path = pdf, Format = "A4", PrintBackground = true });
            if (File.Exists("/usr/bin/pdfinfo"))
                Assert.Matches(@"Pages:\s+1\n", Leaders.BriefingPdfTests.Run("pdfinfo", pdf));
            else
                Assert.Single(System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(pdf, System.Text.Encoding.Latin1), @"/Type\s*/Page[^s]"));
            if (File.Exists("/usr/bin/pdftoppm"))
            {
                var png = Path.Combine(scratch.Folder, $"print{area.Length}");
                Leaders.BriefingPdfTests.Run("pdftoppm", $"-r 60 -png -singlefile {pdf} {png}");
                Screenshots.Keep(png + ".png", $"print-briefing{(area == "" ? "-city" : "-district")}.png");
            }
        }
    }
}
