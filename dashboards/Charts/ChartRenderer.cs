using ScottPlot;

namespace Analytics.Dashboards.Charts;

/// <summary>A chart rendered on the server: a PNG as a data URI, with its title as the alternative text.</summary>
public sealed record RenderedChart(string Title, string DataUri)
{
    /// <summary>Pixel size of the PNG.</summary>
    public int Width { get; init; }
    public int Height { get; init; }

    /// <summary>Where the chart put its axis labels (for the fit checks), in pixels of the PNG.</summary>
    internal ChartLayout? Layout { get; init; }

    /// <summary>The PNG itself (for the briefing PDF).</summary>
    public byte[] Png() => Convert.FromBase64String(DataUri[(DataUri.IndexOf(',') + 1)..]);
}

/// <summary>One bar: its label, value and colour (#rrggbb).</summary>
internal sealed record BarItem(string Label, double Value, string ColorHex);

/// <summary>One line of a trend chart.</summary>
internal sealed record TrendSeries(string Name, string ColorHex, IReadOnlyList<TrendPoint> Points, bool Dashed = false);

internal sealed record TrendPoint(DateOnly Date, double Value);

/// <summary>One step of a bridge (waterfall) chart: a total bar from zero, or a change floating on the running total.</summary>
internal sealed record BridgeStep(string Label, double Value, bool IsTotal);

/// <summary>One series of a stacked or grouped bar chart: a value per category.</summary>
internal sealed record StackedSeries(string Name, string ColorHex, IReadOnlyList<double> Values);

/// <summary>
/// Renders every dashboard chart with ScottPlot in the shipped CJK font. Category labels (districts, towns, measures)
/// go on the vertical axis of horizontal bars, first category on top, so 20 or 30 names never overlap or turn; the
/// figure grows with the number of categories. Legends sit below the data, never on it; deadlines are legend entries.
/// </summary>
internal sealed partial class ChartRenderer
{
    public static readonly IReadOnlyList<DateOnly> Deadlines = [new(2022, 12, 31), new(2025, 12, 31)];

    /// <summary>The colours of progress (qualified posts) and of the gap, the same on every chart.</summary>
    public const string ProgressHex = "#4e79a7", GapHex = "#e15759", DeadlineHex = "#b22222";

    public const int Width = 880;
    private const int Height = 380;
    private const int RowHeight = 24;

    public ChartRenderer(string fontPath) => ChartFont.Register(fontPath);

    /// <summary>Horizontal bars, one per item, in the order given (first on top).</summary>
    private RenderedChart DrawBars(string title, string unit, IReadOnlyList<BarItem> items)
    {
        var plot = NewPlot(title);
        var n = items.Count;
        var bars = items.Select((item, i) => new Bar { Position = n - 1 - i, Value = item.Value, FillColor = Color.FromHex(item.ColorHex), LineWidth = 0 }).ToList();
        plot.Add.Bars(bars).Horizontal = true;
        Categories(plot, items.Select(b => b.Label).ToList(), unit);
        return Render(plot, title, CategoryHeight(n, legend: false));
    }

    /// <summary>Horizontal stacked bars: one bar per category (first on top), one segment per series; legend below.</summary>
    private RenderedChart DrawStacked(string title, string unit, IReadOnlyList<string> categories, IReadOnlyList<StackedSeries> series)
    {
        var plot = NewPlot(title);
        var n = categories.Count;
        var running = new double[n];
        foreach (var s in series)
        {
            var color = Color.FromHex(s.ColorHex);
            var bars = new List<Bar>();
            for (var i = 0; i < n; i++)
            {
                var v = i < s.Values.Count ? s.Values[i] : 0;
                bars.Add(new Bar { Position = n - 1 - i, ValueBase = running[i], Value = running[i] + v, FillColor = color, LineWidth = 0 });
                running[i] += v;
            }
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.LegendText = s.Name;
        }
        Categories(plot, categories, unit);
        plot.ShowLegend(Edge.Bottom);
        return Render(plot, title, CategoryHeight(n, legend: true));
    }

    /// <summary>Horizontal grouped bars: per category (first on top) one bar per series side by side; legend below.</summary>
    private RenderedChart DrawGrouped(string title, string unit, IReadOnlyList<string> categories, IReadOnlyList<StackedSeries> series)
    {
        var plot = NewPlot(title);
        var n = categories.Count;
        var k = Math.Max(1, series.Count);
        var size = 0.8 / k;
        for (var j = 0; j < series.Count; j++)
        {
            var s = series[j];
            var bars = Enumerable.Range(0, n).Select(i => new Bar
            {
                Position = n - 1 - i + (k - 1) / 2.0 * size - j * size, Size = size * 0.92,
                Value = i < s.Values.Count ? s.Values[i] : 0, FillColor = Color.FromHex(s.ColorHex), LineWidth = 0,
            }).ToList();
            var plottable = plot.Add.Bars(bars);
            plottable.Horizontal = true;
            plottable.LegendText = s.Name;
        }
        Categories(plot, categories, unit);
        plot.ShowLegend(Edge.Bottom);
        return Render(plot, title, 70 + n * Math.Max(RowHeight, 14 * k + 10) + 80);
    }

    private RenderedChart DrawBridge(string title, string unit, IReadOnlyList<BridgeStep> steps)
    {
        var plot = NewPlot(title);
        plot.YLabel(unit);
        var bars = new List<Bar>();
        double level = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            double from = step.IsTotal ? 0 : level, to = step.IsTotal ? step.Value : level + step.Value;
            var hex = step.IsTotal ? "#4e79a7" : step.Value >= 0 ? "#59a14f" : "#e15759";
            bars.Add(new Bar { Position = i, ValueBase = Math.Min(from, to), Value = Math.Max(from, to), FillColor = Color.FromHex(hex), LineWidth = 0 });
            level = to;
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            steps.Select((_, i) => (double)i).ToArray(), steps.Select(s => s.Label).ToArray());
        plot.Axes.Margins(bottom: 0);
        return Render(plot, title, Height);
    }

    /// <summary>Lines over time; the policy deadlines as dotted red lines named in the legend (no text over the axis).</summary>
    private RenderedChart DrawTrend(string title, string unit, IReadOnlyList<TrendSeries> series, string deadlineLabelFormat, int width = Width, int height = Height + 30)
    {
        var plot = NewPlot(title);
        plot.YLabel(unit);
        foreach (var s in series.Where(s => s.Points.Count > 0))
        {
            var xs = s.Points.Select(p => p.Date.ToDateTime(TimeOnly.MinValue).ToOADate()).ToArray();
            var ys = s.Points.Select(p => p.Value).ToArray();
            var line = plot.Add.Scatter(xs, ys, Color.FromHex(s.ColorHex));
            line.LegendText = s.Name;
            line.LineWidth = 2;
            line.MarkerSize = 6;
            if (s.Dashed) line.LinePattern = LinePattern.Dashed;
        }
        foreach (var deadline in Deadlines)
        {
            var marker = plot.Add.VerticalLine(deadline.ToDateTime(TimeOnly.MinValue).ToOADate(), 1.5f, Color.FromHex(DeadlineHex));
            marker.LinePattern = LinePattern.Dotted;
            marker.LegendText = string.Format(System.Globalization.CultureInfo.CurrentCulture, deadlineLabelFormat, deadline.Year);
        }
        plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend(Edge.Bottom);
        return Render(plot, title, height, width);
    }

    /// <summary>The height of a horizontal bar chart with n categories: title, one row per category, axis, legend.</summary>
    private static int CategoryHeight(int n, bool legend) => 70 + Math.Max(n, 2) * RowHeight + (legend ? 80 : 50);

    /// <summary>Category names on the left axis (first on top), the value axis below with its unit.</summary>
    private static void Categories(Plot plot, IReadOnlyList<string> categories, string unit)
    {
        var n = categories.Count;
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            categories.Select((_, i) => (double)(n - 1 - i)).ToArray(), categories.ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Left.TickLabelStyle.FontSize = 13;
        plot.Axes.Bottom.Label.Text = unit;
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Margins(left: 0, right: 0.08, bottom: 0.5 / Math.Max(n, 1), top: 0.5 / Math.Max(n, 1));
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
    }

    private static Plot NewPlot(string title)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFont.Name);
        plot.Title(title);
        plot.Axes.Title.Label.FontSize = 16;
        plot.Legend.FontName = ChartFont.Name;
        plot.Legend.SetBestFontOnEachRender = false;
        return plot;
    }

    private static RenderedChart Render(Plot plot, string title, int height, int width = Width)
    {
        plot.Font.Set(ChartFont.Name);
        plot.Legend.FontName = ChartFont.Name;
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        return new RenderedChart(title, "data:image/png;base64," + Convert.ToBase64String(png))
        {
            Width = width, Height = height, Layout = ChartLayout.Of(plot, width, height),
        };
    }
}
