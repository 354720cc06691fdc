using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Tests.Support;

namespace Analytics.Dashboards.Tests.Forecast;

public sealed class FanChartTests
{
    [Fact]
    public void A_fan_chart_renders_history_bands_and_markers_as_a_png_and_differs_when_the_bands_widen()
    {
        var charts = new ChartRenderer(TestPaths.Font);
        var history = new List<TrendPoint> { new(new(2021, 12, 31), 100), new(new(2022, 12, 31), 120), new(new(2023, 6, 30), 130) };
        FanChartData Data(double width) => new(history,
            [.. Enumerable.Range(2024, 4).Select(y => new FanPoint(new(y, 12, 31), 130 + 10 * (y - 2023), 130 - width, 130 + width, 130 - 2 * width, 130 + 2 * width))],
            [.. history.Select(p => p with { Value = 200 }), new(new(2027, 12, 31), 200)]);
        var labels = new FanLabels("实际", "预测", "80%区间", "95%区间", "应设岗位", "{0}年底");

        var narrow = charts.Fan("锦江区达标岗位预测", "岗位数（个）", Data(5), labels, [new(2025, 12, 31), new(2027, 12, 31)]);
        var wide = charts.Fan("锦江区达标岗位预测", "岗位数（个）", Data(40), labels, [new(2025, 12, 31), new(2027, 12, 31)]);

        Assert.StartsWith("data:image/png;base64,", narrow.DataUri);
        var png = Convert.FromBase64String(narrow.DataUri["data:image/png;base64,".Length..]);
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, png[..4]);
        Assert.Equal("锦江区达标岗位预测", narrow.Title);
        Assert.NotEqual(narrow.DataUri, wide.DataUri);
    }
}
