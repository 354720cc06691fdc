using ScottPlot;

namespace Analytics.Dashboards.Charts;

/// <summary>A text's box in the PNG's pixels.</summary>
internal sealed record TextBox(string Text, float Left, float Top, float Right, float Bottom)
{
    public bool Overlaps(TextBox other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
}

/// <summary>
/// Where a rendered chart put its data area and its tick labels, each label measured with the chart's own font and
/// size: the fit checks assert every label lies inside the figure and clear of its neighbours.
/// </summary>
internal sealed record ChartLayout(int Width, int Height, TextBox DataArea, IReadOnlyList<TextBox> LeftLabels, IReadOnlyList<TextBox> BottomLabels)
{
    private const float TickGap = 4;

    public static ChartLayout? Of(Plot plot, int width, int height)
    {
        if (plot.RenderManager.LastRender.Count == 0) return null;
        var data = plot.RenderManager.LastRender.DataRect;
        var limits = plot.Axes.GetLimits();
        using var paint = Paint.NewDisposablePaint();
        var left = new List<TextBox>();
        var bottom = new List<TextBox>();
        {
            var style = plot.Axes.Left.TickLabelStyle;
            foreach (var tick in plot.Axes.Left.TickGenerator.Ticks.Where(t => t.IsMajor && !string.IsNullOrEmpty(t.Label) && t.Position >= limits.Bottom && t.Position <= limits.Top))
            {
                var size = style.Measure(tick.Label, paint).Size;
                var y = plot.GetPixel(new Coordinates(limits.Left, tick.Position)).Y;
                var right = data.Left - plot.Axes.Left.MajorTickStyle.Length - TickGap;
                left.Add(new TextBox(tick.Label, right - size.Width, y - size.Height / 2, right, y + size.Height / 2));
            }
        }
        {
            var style = plot.Axes.Bottom.TickLabelStyle;
            foreach (var tick in plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor && !string.IsNullOrEmpty(t.Label) && t.Position >= limits.Left && t.Position <= limits.Right))
            {
                var size = style.Measure(tick.Label, paint).Size;
                var x = plot.GetPixel(new Coordinates(tick.Position, limits.Bottom)).X;
                var top = data.Bottom + plot.Axes.Bottom.MajorTickStyle.Length + TickGap;
                bottom.Add(new TextBox(tick.Label, x - size.Width / 2, top, x + size.Width / 2, top + size.Height));
            }
        }
        return new ChartLayout(width, height, new TextBox("data", data.Left, data.Top, data.Right, data.Bottom), left, bottom);
    }
}
