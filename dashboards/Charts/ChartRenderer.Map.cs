using ScottPlot;

namespace Analytics.Dashboards.Charts;

internal enum MapColouring { Gap, Share }

/// <summary>One district's tile: its value (gap in posts, or the share 0..1 of units meeting the minimum) and the text shown.</summary>
internal sealed record MapTile(string Code, string Name, double Value, string ValueText, bool Highlighted = false);

/// <summary>Where a tile lies on the image, in percent of its width and height (links are placed over it).</summary>
public sealed record TileLink(string Code, string Name, string ValueText, double Left, double Top, double Width, double Height);

public sealed record RenderedMap(RenderedChart Chart, IReadOnlyList<TileLink> Links);

/// <summary>The legend of a map: its title and the texts at the low and high ends of the colour scale.</summary>
internal sealed record MapLegend(string Title, string Low, string High);

internal sealed partial class ChartRenderer
{
    private const double LegendRows = 0.8;
    private const int TilePixels = 120;

    /// <summary>
    /// A tile map (cartogram) of the districts in their approximate places (DistrictTiles), each coloured by its gap
    /// (green when there is none, deeper red the larger) or by its share of units meeting the minimum (red to green).
    /// No boundaries are drawn. The links say where each tile is, so the page can make every tile clickable.
    /// </summary>
    private RenderedMap DrawTileMap(string title, IReadOnlyList<MapTile> tiles, MapColouring colouring, MapLegend legend)
    {
        var places = DistrictTiles.Place(tiles.Select(t => t.Code));
        var rows = places.Count == 0 ? 1 : places.Values.Max(p => p.Row) + 1;
        var totalRows = rows + LegendRows;
        var max = Math.Max(1, tiles.Count == 0 ? 1 : tiles.Max(t => t.Value));
        var plot = new Plot();
        plot.Font.Set(ChartFont.Name);
        var links = new List<TileLink>();
        foreach (var tile in tiles)
        {
            var (column, row) = places[tile.Code];
            double x = column, y = totalRows - row - 1;
            var fill = colouring == MapColouring.Gap ? GapColour(tile.Value, max) : ShareColour(tile.Value);
            var rect = plot.Add.Rectangle(x + 0.04, x + 0.96, y + 0.06, y + 0.94);
            rect.FillColor = fill;
            rect.LineColor = tile.Highlighted ? Color.FromHex("#111111") : fill;
            rect.LineWidth = tile.Highlighted ? 4 : 0;
            var ink = Luminance(fill) < 0.55 ? Colors.White : Color.FromHex("#1a1a1a");
            Label(plot, tile.Name, x + 0.5, y + 0.62, 16, ink, bold: true);
            Label(plot, tile.ValueText, x + 0.5, y + 0.32, 14, ink, bold: false);
            links.Add(new TileLink(tile.Code, tile.Name, tile.ValueText, Percent(x + 0.04, DistrictTiles.Columns), Percent(totalRows - (y + 0.94), totalRows),
                Percent(0.92, DistrictTiles.Columns), Percent(0.88, totalRows)));
        }
        DrawLegend(plot, colouring, legend);
        plot.Axes.SetLimits(0, DistrictTiles.Columns, 0, totalRows);
        plot.Layout.Frameless();
        plot.HideGrid();
        plot.Axes.Frameless();
        var width = DistrictTiles.Columns * TilePixels;
        var height = (int)Math.Round(totalRows * TilePixels);
        var png = plot.GetImageBytes(width, height, ImageFormat.Png);
        var chart = new RenderedChart(title, "data:image/png;base64," + Convert.ToBase64String(png)) { Width = width, Height = height };
        return new RenderedMap(chart, links);
    }

    /// <summary>Five colour steps from low to high along the bottom-left, with the legend's texts.</summary>
    private static void DrawLegend(Plot plot, MapColouring colouring, MapLegend legend)
    {
        Label(plot, legend.Title, 0.08, 0.62, 14, Color.FromHex("#333333"), bold: true, Alignment.MiddleLeft);
        for (var i = 0; i < 5; i++)
        {
            var f = i / 4.0;
            var step = plot.Add.Rectangle(0.08 + i * 0.5, 0.56 + i * 0.5, 0.18, 0.42);
            step.FillColor = colouring == MapColouring.Gap ? (i == 0 ? GapColour(0, 1) : GapColour(f, 1)) : ShareColour(f);
            step.LineWidth = 0;
        }
        Label(plot, legend.Low, 0.08, 0.06, 13, Color.FromHex("#333333"), bold: false, Alignment.LowerLeft);
        Label(plot, legend.High, 2.56, 0.06, 13, Color.FromHex("#333333"), bold: false, Alignment.LowerRight);
    }

    private static void Label(Plot plot, string text, double x, double y, float size, Color ink, bool bold, Alignment alignment = Alignment.MiddleCenter)
    {
        var label = plot.Add.Text(text, x, y);
        label.LabelFontName = ChartFont.Name;
        label.LabelFontSize = size;
        label.LabelBold = bold;
        label.LabelFontColor = ink;
        label.LabelAlignment = alignment;
    }

    /// <summary>No gap: green. Otherwise light to deep red with the gap's share of the largest.</summary>
    internal static Color GapColour(double gap, double max) =>
        gap <= 0 ? Color.FromHex("#b7dfb9") : Blend(Color.FromHex("#fcd5c8"), Color.FromHex("#a50f15"), Math.Clamp(gap / max, 0, 1));

    /// <summary>Share of units meeting the minimum: red (none) through yellow (half) to green (all).</summary>
    internal static Color ShareColour(double share)
    {
        var s = Math.Clamp(double.IsNaN(share) ? 0 : share, 0, 1);
        return s < 0.5 ? Blend(Color.FromHex("#d7301f"), Color.FromHex("#fee08b"), s / 0.5) : Blend(Color.FromHex("#fee08b"), Color.FromHex("#1a9850"), (s - 0.5) / 0.5);
    }

    private static Color Blend(Color a, Color b, double f) => new(
        (byte)Math.Round(a.R + (b.R - a.R) * f), (byte)Math.Round(a.G + (b.G - a.G) * f), (byte)Math.Round(a.B + (b.B - a.B) * f));

    private static double Luminance(Color c) => (0.299 * c.R + 0.587 * c.G + 0.114 * c.B) / 255;

    private static double Percent(double value, double of) => Math.Round(value / of * 100, 3);
}
