using ScottPlot;

namespace Analytics.Dashboards.Charts;

/// <summary>One projected year of a fan chart: the forecast and its 80% and 95% intervals.</summary>
internal sealed record FanPoint(DateOnly Date, double Value, double Lower80, double Upper80, double Lower95, double Upper95);

/// <summary>A fan chart's series: the observed history, the forecast with its intervals, the required posts throughout.</summary>
internal sealed record FanChartData(IReadOnlyList<TrendPoint> History, IReadOnlyList<FanPoint> Forecast, IReadOnlyList<TrendPoint> Required);

/// <summary>The legend texts of a fan chart, in the page's language.</summary>
internal sealed record FanLabels(string History, string Forecast, string Band80, string Band95, string Required, string MarkerFormat);

internal sealed partial class ChartRenderer
{
    /// <summary>
    /// A fan chart: history line, forecast line (joined to the last observation), shaded 95% and 80% bands,
    /// required posts (dashed), and dotted markers at each of <paramref name="markers"/> (e.g. 2025-12-31, the horizon).
    /// </summary>
    private RenderedChart DrawFan(string title, string unit, FanChartData data, FanLabels labels, IReadOnlyList<DateOnly> markers)
    {
        var plot = NewPlot(title);
        plot.YLabel(unit);
        static double X(DateOnly d) => d.ToDateTime(TimeOnly.MinValue).ToOADate();
        if (data.Forecast.Count > 0)
        {
            // The bands start at the last observation (zero width there), so the fan opens from the history.
            var start = data.History.Count > 0 ? data.History[^1] : null;
            double[] Band(Func<FanPoint, double> pick) =>
                (start is null ? [] : new[] { start.Value }).Concat(data.Forecast.Select(pick)).ToArray();
            var xs = (start is null ? [] : new[] { X(start.Date) }).Concat(data.Forecast.Select(f => X(f.Date))).ToArray();
            AddBand(plot, xs, Band(f => f.Lower95), Band(f => f.Upper95), "#9ecae1", 0.45, labels.Band95);
            AddBand(plot, xs, Band(f => f.Lower80), Band(f => f.Upper80), "#4292c6", 0.45, labels.Band80);
            var line = plot.Add.Scatter(xs, Band(f => f.Value), Color.FromHex("#08519c"));
            line.LegendText = labels.Forecast;
            line.LineWidth = 2;
            line.MarkerSize = 5;
            line.LinePattern = LinePattern.Dashed;
        }
        if (data.History.Count > 0)
        {
            var history = plot.Add.Scatter(data.History.Select(p => X(p.Date)).ToArray(), data.History.Select(p => p.Value).ToArray(), Color.FromHex("#2ca02c"));
            history.LegendText = labels.History;
            history.LineWidth = 2;
            history.MarkerSize = 6;
        }
        if (data.Required.Count > 0)
        {
            var required = plot.Add.Scatter(data.Required.Select(p => X(p.Date)).ToArray(), data.Required.Select(p => p.Value).ToArray(), Color.FromHex("#7f7f7f"));
            required.LegendText = labels.Required;
            required.LineWidth = 1.5f;
            required.MarkerSize = 0;
            required.LinePattern = LinePattern.Dotted;
        }
        foreach (var marker in markers)
        {
            var line = plot.Add.VerticalLine(X(marker), 1.5f, Color.FromHex("#b22222"));
            line.LinePattern = LinePattern.Dotted;
            line.LegendText = string.Format(System.Globalization.CultureInfo.CurrentCulture, labels.MarkerFormat, marker.Year);
        }
        plot.Axes.DateTimeTicksBottom();
        plot.ShowLegend(Edge.Bottom);
        return Render(plot, title, Height + 40);
    }

    private static void AddBand(Plot plot, double[] xs, double[] lower, double[] upper, string hex, double alpha, string legend)
    {
        var band = plot.Add.FillY(xs, lower, upper);
        band.FillColor = Color.FromHex(hex).WithAlpha(alpha);
        band.LineColor = Colors.Transparent;
        band.LegendText = legend;
    }
}
