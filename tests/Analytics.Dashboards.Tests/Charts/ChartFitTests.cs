using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Tests.Support;
using SkiaSharp;

namespace Analytics.Dashboards.Tests.Charts;

/// <summary>
/// Every chart rendered at its real size with real Chinese labels: each tick label, measured with the chart's font,
/// lies inside the figure and clear of its neighbours, and nothing is drawn on the image's outer edge (clipped text).
/// </summary>
public sealed class ChartFitTests
{
    private static readonly string[] Districts =
        ["简阳市", "金堂县", "邛崃市", "崇州市", "彭州市", "大邑县", "蒲江县", "新津区", "青白江区", "都江堰市",
         "龙泉驿区", "新都区", "郫都区", "双流区", "温江区", "武侯区", "青羊区", "成华区", "金牛区", "锦江区"];

    private static readonly string[] Towns = [.. Enumerable.Range(1, 30).Select(i => i % 3 == 0 ? $"第{i}街道办事处" : i % 3 == 1 ? $"平乐{i}镇" : $"龙泉{i}街道")];

    private static readonly string[] GradeColours = ["#2ca02c", "#1f77b4", "#ff7f0e", "#d62728"];

    private readonly ChartRenderer renderer = new(TestPaths.Font);

    public static TheoryData<string> Charts() => ["gap", "towns", "grades", "levels", "comparison", "trend", "bridge", "fan"];

    private RenderedChart Render(string name) => name switch
    {
        "gap" => renderer.Stacked("各区(市)县岗位达标与缺口", "岗位数（个）", Districts,
            [new("已满足的应设岗位", ChartRenderer.ProgressHex, [.. Districts.Select((_, i) => 200.0 + 13 * i)]),
             new("岗位缺口", ChartRenderer.GapHex, [.. Districts.Select((_, i) => 175.0 - 9 * i)])]),
        "towns" => renderer.Stacked("简阳市各镇（街道）岗位达标情况", "岗位数（个）", Towns,
            [new("已满足的应设岗位", ChartRenderer.ProgressHex, [.. Towns.Select((_, i) => 10.0 + i)]), new("岗位缺口", ChartRenderer.GapHex, [.. Towns.Select((_, i) => 30.0 - i)])]),
        "grades" => renderer.Stacked("2022年度考评等次分布", "考评人次", Districts,
            [.. new[] { "优秀", "合格", "基本合格", "不合格" }.Select((g, k) => new StackedSeries(g, GradeColours[k], [.. Districts.Select((_, i) => 10.0 + i * k)]))]),
        "levels" => renderer.Bars("在岗人员资格级别", "人数（人）",
            [new("未持证", 5000, "#bab0ac"), new("社工员", 1200, "#f28e2b"), new("助理社会工作师", 2600, "#4e79a7"), new("社会工作师", 800, "#4e79a7"), new("高级社会工作师", 12, "#4e79a7")]),
        "comparison" => renderer.Grouped("存量、增量与存量转岗人员（同口径）", "人数（人）",
            ["在岗人数", "专业人才", "持证：社工员（市级）", "持证：助理社会工作师及以上", "持有达标岗位"],
            [new("存量", "#4e79a7", [9000, 4000, 800, 2500, 3000]), new("增量（不含存量转岗）", "#f28e2b", [3000, 2500, 400, 1500, 2200]), new("存量转岗", "#76b7b2", [700, 300, 90, 120, 150])]),
        "trend" => renderer.Trend("达标岗位与岗位缺口", "岗位数（个）",
            [new("达标岗位", ChartRenderer.ProgressHex, [.. Enumerable.Range(0, 9).Select(i => new TrendPoint(new DateOnly(2019, 6, 30).AddMonths(6 * i), 1000 + 500 * i))]),
             new("岗位缺口", ChartRenderer.GapHex, [.. Enumerable.Range(0, 9).Select(i => new TrendPoint(new DateOnly(2019, 6, 30).AddMonths(6 * i), 4000 - 400 * i))])], "{0}年底目标"),
        "bridge" => renderer.Bridge("持证人数变动（2022年12月31日—2023年6月30日）", "人数（人）",
            [new("期初持证", 3000, true), new("新取证", 400, false), new("持证入职", 200, false), new("持证离职", -150, false), new("期末持证", 3450, true)]),
        _ => renderer.Fan("简阳市达标岗位预测", "岗位数（个）",
            new FanChartData([new(new(2022, 12, 31), 100), new(new(2023, 6, 30), 130)], [new(new(2024, 12, 31), 150, 140, 160, 130, 170), new(new(2027, 12, 31), 200, 170, 230, 150, 250)], []),
            new FanLabels("实际", "预测", "80%区间", "95%区间", "应设岗位", "{0}年底"), [new(2025, 12, 31), new(2027, 12, 31)]),
    };

    [Theory]
    [MemberData(nameof(Charts))]
    public void Every_label_fits_inside_the_figure_and_clear_of_its_neighbours(string name)
    {
        var chart = Render(name);
        var layout = chart.Layout!;
        Assert.NotEmpty(layout.LeftLabels.Concat(layout.BottomLabels));
        foreach (var label in layout.LeftLabels.Concat(layout.BottomLabels))
        {
            Assert.True(label.Left >= 0 && label.Top >= 0 && label.Right <= layout.Width && label.Bottom <= layout.Height,
                $"{name}: '{label.Text}' at {label} lies outside the {layout.Width}×{layout.Height} figure");
        }
        foreach (var labels in new[] { layout.LeftLabels, layout.BottomLabels })
            foreach (var (a, b) in labels.Zip(labels.Skip(1)))
                Assert.False(a.Overlaps(b), $"{name}: '{a.Text}' overlaps '{b.Text}'");
    }

    [Theory]
    [MemberData(nameof(Charts))]
    public void Nothing_is_cut_off_at_the_edge_of_the_image(string name)
    {
        using var bitmap = SKBitmap.Decode(Render(name).Png());
        var background = bitmap.GetPixel(0, 0);
        var edge = Enumerable.Range(0, bitmap.Width).SelectMany(x => new[] { (x, 0), (x, bitmap.Height - 1) })
            .Concat(Enumerable.Range(0, bitmap.Height).SelectMany(y => new[] { (0, y), (bitmap.Width - 1, y) }));
        Assert.All(edge, p => Assert.Equal(background, bitmap.GetPixel(p.Item1, p.Item2)));
    }

    [Fact]
    public void Twenty_districts_lie_on_the_vertical_axis_one_row_each_first_on_top()
    {
        var layout = Render("gap").Layout!;
        Assert.Equal(Districts, layout.LeftLabels.OrderBy(l => l.Top).Select(l => l.Text));
        Assert.All(layout.LeftLabels, l => Assert.True(l.Right <= layout.DataArea.Left, $"{l.Text} runs into the bars"));
    }

    [Fact]
    public void Progress_and_gap_have_one_colour_each_and_the_legend_is_below_the_data()
    {
        var chart = Render("gap");
        using var bitmap = SKBitmap.Decode(chart.Png());
        var data = chart.Layout!.DataArea;
        var progress = SKColor.Parse(ChartRenderer.ProgressHex);
        var gap = SKColor.Parse(ChartRenderer.GapHex);
        var colours = new HashSet<SKColor>();
        for (var x = (int)data.Left + 2; x < data.Right - 2; x++)
            for (var y = (int)data.Top + 2; y < data.Bottom - 2; y += 3)
                colours.Add(bitmap.GetPixel(x, y));
        Assert.Contains(progress, colours);
        Assert.Contains(gap, colours);
        // The legend's swatches of both colours are drawn below the data area, outside it.
        bool Below(SKColor c) => Enumerable.Range((int)data.Bottom + 30, bitmap.Height - (int)data.Bottom - 31)
            .Any(y => Enumerable.Range(0, bitmap.Width).Any(x => bitmap.GetPixel(x, y) == c));
        Assert.True(Below(progress) && Below(gap), "the legend is not below the data");
    }
}
