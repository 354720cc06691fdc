using ScottPlot;

namespace Analytics.Dashboards.Charts;

/// <summary>A chart rendered on the server: a PNG as a data URI, with its title as the alternative text.</summary>
public sealed record RenderedChart(string Title, string DataUri);

/// <summary>One bar: its label, value and colour (#rrggbb).</summary>
internal sealed record BarItem(string Label, double Value, string ColorHex);

/// <summary>One line of a trend chart.</summary>
internal sealed record TrendSeries(string Name, string ColorHex, IReadOnlyList<TrendPoint> Points, bool Dashed = false);

internal sealed record TrendPoint(DateOnly Date, double Value);

/// <summary>One step of a bridge (waterfall) chart: a total bar from zero, or a change floating on the running total.</summary>
internal sealed record BridgeStep(string Label, double Value, bool IsTotal);

/// <summary>One segment of a stacked bar: which bar (category index), which series, the value.</summary>
internal sealed record StackedSeries(string Name, string ColorHex, IReadOnlyList<double> Values);

/// <summary>Renders every dashboard chart with ScottPlot, in the shipped CJK font, marking the policy deadlines.</summary>
internal sealed partial class ChartRenderer
{
    public static readonly IReadOnlyList<DateOnly> Deadlines = [new(2022, 12, 31), new(2025, 12, 31)];
    private const int Width = 880;
    private const int Height = 380;

    public ChartRenderer(string fontPath) => ChartFont.Register(fontPath);

    public RenderedChart Bars(string title, string unit, IReadOnlyList<BarItem> items)
    {
        var plot = NewPlot(title, unit);
        var bars = items.Select((item, i) => new Bar { Position = i, Value = item.Value, FillColor = Color.FromHex(item.ColorHex) }).ToList();
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            items.Select((_, i) => (double)i).ToArray(), items.Select(b => b.Label).ToArray());
        plot.Axes.Bottom.TickLabelStyle.Rotation = items.Count > 8 ? 45 : 0;
        plot.Axes.Bottom.TickLabelStyle.Alignment = items.Count > 8 ? Alignment.MiddleLeft : Alignment.UpperCenter;
        plot.Axes.Margins(bottom: 0);
        return Render(plot, title);
    }

    public RenderedChart Stacked(string title, string unit, IReadOnlyList<string> categories, IReadOnlyList<StackedSeries> series)
    {
        var plot = NewPlot(title, unit);
        var running = new double[categories.Count];
        foreach (var s in series)
        {
            var color = Color.FromHex(s.ColorHex);
            var bars = new List<Bar>();
            for (var i = 0; i < categories.Count; i++)
            {
                var v = i < s.Values.Count ? s.Values[i] : 0;
                bars.Add(new Bar { Position = i, ValueBase = running[i], Value = running[i] + v, FillColor = color });
                running[i] += v;
            }
            var plottable = plot.Add.Bars(bars);
            plottable.LegendText = s.Name;
        }
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            categories.Select((_, i) => (double)i).ToArray(), categories.ToArray());
        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Alignment.UpperRight);
        return Render(plot, title);
    }

    public RenderedChart Bridge(string title, string unit, IReadOnlyList<BridgeStep> steps)
    {
        var plot = NewPlot(title, unit);
        var bars = new List<Bar>();
        double level = 0;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            double from = step.IsTotal ? 0 : level, to = step.IsTotal ? step.Value : level + step.Value;
            var hex = step.IsTotal ? "#4e79a7" : step.Value >= 0 ? "#59a14f" : "#e15759";
            bars.Add(new Bar { Position = i, ValueBase = Math.Min(from, to), Value = Math.Max(from, to), FillColor = Color.FromHex(hex) });
            level = to;
        }
        plot.Add.Bars(bars);
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(
            steps.Select((_, i) => (double)i).ToArray(), steps.Select(s => s.Label).ToArray());
        plot.Axes.Margins(bottom: 0);
        return Render(plot, title);
    }

    public RenderedChart Trend(string title, string unit, IReadOnlyList<TrendSeries> series, string deadlineLabelFormat)
    {
        var plot = NewPlot(title, unit);
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
            var marker = plot.Add.VerticalLine(deadline.ToDateTime(TimeOnly.MinValue).ToOADate(), 1.5f, Color.FromHex("#b22222"));
            marker.LinePattern = LinePattern.Dotted;
            marker.Text = string.Format(System.Globalization.CultureInfo.CurrentCulture, deadlineLabelFormat, deadline.Year);
            marker.LabelFontName = ChartFont.Name;
            marker.LabelFontSize = 12;
        }
        plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend(Alignment.UpperLeft);
        return Render(plot, title);
    }

    private static Plot NewPlot(string title, string unit)
    {
        var plot = new Plot();
        plot.Font.Set(ChartFont.Name);
        plot.Title(title);
        plot.YLabel(unit);
        plot.Legend.FontName = ChartFont.Name;
        return plot;
    }

    private static RenderedChart Render(Plot plot, string title)
    {
        plot.Font.Set(ChartFont.Name);
        var png = plot.GetImageBytes(Width, Height, ImageFormat.Png);
        return new RenderedChart(title, "data:image/png;base64," + Convert.ToBase64String(png));
    }
}
