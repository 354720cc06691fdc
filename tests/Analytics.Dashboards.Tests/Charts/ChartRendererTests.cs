using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Tests.Support;
using SkiaSharp;

namespace Analytics.Dashboards.Tests.Charts;

public sealed class ChartRendererTests
{
    private readonly ChartRenderer renderer = new(TestPaths.Font);

    private static SKBitmap Decode(RenderedChart chart) =>
        SKBitmap.Decode(Convert.FromBase64String(chart.DataUri["data:image/png;base64,".Length..]));

    [Theory]
    [InlineData("#4e79a7")]
    [InlineData("#f28e2b")]
    public void Bars_render_a_png_in_each_bar_s_colour_and_no_other_bar_colour(string hex)
    {
        var other = hex == "#4e79a7" ? "#f28e2b" : "#4e79a7";
        var chart = renderer.Bars("各区(市)县岗位缺口", "岗位数（个）", [new BarItem("锦江区", 10, hex)]);
        using var bitmap = Decode(chart);
        Assert.Equal(880, bitmap.Width);
        var row = Enumerable.Range(0, bitmap.Width).Select(x => bitmap.GetPixel(x, bitmap.Height / 2)).ToList();
        Assert.Contains(SKColor.Parse(hex), row);
        Assert.DoesNotContain(SKColor.Parse(other), row);
    }

    [Fact]
    public void Chinese_titles_use_the_shipped_font_not_missing_glyph_boxes()
    {
        using var typeface = SKTypeface.FromFile(TestPaths.Font);
        using var font = new SKFont(typeface);
        var glyphs = font.GetGlyphs("岗位缺口趋势");
        Assert.All(glyphs, g => Assert.NotEqual((ushort)0, g));
        Assert.Equal(ChartFont.Name, ScottPlot.Fonts.GetTypeface(ChartFont.Name, bold: false, italic: false).FamilyName);
    }

    [Fact]
    public void Trend_marks_both_deadlines()
    {
        var chart = renderer.Trend("达标岗位", "岗位数（个）",
            [new TrendSeries("达标岗位", "#2ca02c", [new TrendPoint(new(2021, 6, 30), 1), new TrendPoint(new(2026, 6, 30), 5)])], "{0}年底目标");
        using var bitmap = Decode(chart);
        var deadlineRed = SKColor.Parse("#b22222");
        var redColumns = Enumerable.Range(0, bitmap.Width).Count(x => Enumerable.Range(0, bitmap.Height).Any(y => bitmap.GetPixel(x, y) == deadlineRed));
        Assert.True(redColumns >= 2, $"expected two deadline lines, saw {redColumns} red columns");
    }
}
