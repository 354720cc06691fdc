using System.Diagnostics;
using System.Globalization;
using Analytics.Dashboards.Briefing;
using Analytics.Dashboards.Localization;
using Analytics.Dashboards.Tests.Browser;
using Analytics.Dashboards.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using SkiaSharp;

namespace Analytics.Dashboards.Tests.Leaders;

/// <summary>A PDF download that is one A4 page with Chinese text in it, checked by rendering it to PNG (poppler's pdftoppm).</summary>
public sealed class BriefingPdfTests : IDisposable
{
    private readonly DashboardContext ctx = new();

    public BriefingPdfTests() => ctx.Warehouse.WithWorkforce();

    public void Dispose() => ctx.Dispose();

    internal static string Run(string tool, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(tool, arguments) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{tool} {arguments}: {output}");
        return output;
    }

    [PopplerFact]
    public void The_briefing_pdf_is_one_a4_page_with_chinese_text_visible()
    {
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-CN");
        var folder = Path.Combine(ctx.Warehouse.Folder, "pdf");
        Directory.CreateDirectory(folder);
        foreach (var district in new string?[] { null, "510104" })
        {
            var data = ctx.Services.GetRequiredService<BriefingBuilder>().Build(new DateOnly(2023, 6, 30), district)!;
            var pdf = Path.Combine(folder, $"briefing-{district ?? "city"}.pdf");
            File.WriteAllBytes(pdf, BriefingPdf.Render(data, new UiText()));

            var info = Run("pdfinfo", pdf);
            Assert.Matches(@"Pages:\s+1\n", info);
            Assert.Matches(@"Page size:\s+595(\.\d+)? x 84[12](\.\d+)? pts \(A4\)", info);
            var text = Run("pdftotext", $"{pdf} -");
            Assert.Contains(district is null ? "领导简报 · 成都市" : "领导简报 · 锦江区", text);
            Assert.Contains("岗位缺口", text);
            Assert.Contains("持证：助理社会工作师及以上", text);

            var png = Path.Combine(folder, $"briefing-{district ?? "city"}");
            Run("pdftoppm", $"-r 100 -png -singlefile {pdf} {png}");
            Screenshots.Keep(png + ".png", $"briefing-pdf-{district ?? "city"}.png");
            using var bitmap = SKBitmap.Decode(png + ".png");
            Assert.InRange(bitmap.Height / (double)bitmap.Width, 1.40, 1.43); // A4 portrait
            int Ink(int top, int bottom, byte below) => Enumerable.Range(top, bottom - top)
                .Sum(y => Enumerable.Range(0, bitmap.Width).Count(x => bitmap.GetPixel(x, y) is var c && Math.Min(c.Red, Math.Min(c.Green, c.Blue)) < below));
            var title = Ink((int)(bitmap.Height * 0.035), (int)(bitmap.Height * 0.075), 100);
            Assert.True(title > 400, $"the title area has {title} dark pixels: no Chinese drawn?");
            var figures = Ink((int)(bitmap.Height * 0.25), (int)(bitmap.Height * 0.5), 230);
            Assert.True(figures > 3000, $"the map and trend area has only {figures} drawn pixels");
        }
    }
}

/// <summary>A test that needs poppler-utils (pdfinfo, pdftotext, pdftoppm): skipped, saying so, where they are missing.</summary>
public sealed class PopplerFactAttribute : FactAttribute
{
    public PopplerFactAttribute()
    {
        if (!File.Exists("/usr/bin/pdftoppm")) Skip = "poppler-utils is not installed (apt-get install poppler-utils)";
    }
}
