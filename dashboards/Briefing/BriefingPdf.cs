using Analytics.Dashboards.Charts;
using Analytics.Dashboards.Localization;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Analytics.Dashboards.Briefing;

/// <summary>
/// The briefing as a one-page A4 PDF, drawn with PDFsharp: title, headline figures, the map and the trend (the same PNGs
/// as the page), and the table of the districts (or towns) behind the figures. Chinese text is set in the server's CJK
/// font (its TrueType face; PDFsharp embeds the glyphs used).
/// </summary>
internal static class BriefingPdf
{
    private const string Family = "Briefing CJK";
    private static readonly Lock Gate = new();
    private const double Mm = 72 / 25.4;
    private const double PageWidth = 210 * Mm, PageHeight = 297 * Mm, Margin = 12 * Mm, ContentWidth = PageWidth - 2 * Margin;

    public static byte[] Render(BriefingData data, UiText text)
    {
        EnsureFont();
        using var document = new PdfDocument();
        document.Info.Title = text.Format("briefing.title", data.AreaName);
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(PageWidth);
        page.Height = XUnit.FromPoint(PageHeight);
        using (var g = XGraphics.FromPdfPage(page))
        {
            var y = Margin;
            g.DrawString(text.Format("briefing.title", data.AreaName), Font(18, bold: true), XBrushes.Black, new XRect(Margin, y, ContentWidth, 24), XStringFormats.TopLeft);
            y += 26;
            g.DrawString(text.Format("briefing.subtitle", text.Date(data.AsOf), text.Date(data.Prepared)), Font(9), XBrushes.DimGray, new XRect(Margin, y, ContentWidth, 12), XStringFormats.TopLeft);
            y += 18;
            y = Figures(g, data, text, y);
            y = Charts(g, data, y + 6);
            g.DrawString(text["overview.gap_rule"], Font(7.5), XBrushes.DimGray, new XRect(Margin, y, ContentWidth, 10), XStringFormats.TopLeft);
            y += 16;
            Table(g, data, text, y);
        }
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>Two rows of four figure boxes.</summary>
    private static double Figures(XGraphics g, BriefingData data, UiText text, double y)
    {
        var h = data.Headline;
        var change = data.GapChange is { } c ? (c > 0 ? "+" : "") + text.Number(c) : "—";
        (string Label, string Value)[] boxes =
        [
            (text["col.required_posts"], text.Number(h.RequiredPosts)), (text["col.qualified_posts"], text.Number(h.QualifiedPosts)),
            (text["col.gap_posts"], text.Number(h.GapPosts)), (text["col.units_meeting_target"], $"{text.Number(h.UnitsMeetingTarget)} / {text.Number(h.Communities + h.Villages)}"),
            (text["col.professionals"], text.Number(h.Professionals)), (text["col.certified_city"], text.Number(data.Certified.City)),
            (text["col.certified_national"], text.Number(data.Certified.National)),
            (data.ComparedWith is { } since ? text.Format("briefing.gap_change_since", text.Date(since)) : text["col.gap_change_year"], change),
        ];
        var w = (ContentWidth - 3 * 6) / 4;
        for (var i = 0; i < boxes.Length; i++)
        {
            double x = Margin + i % 4 * (w + 6), top = y + i / 4 * 40;
            g.DrawRectangle(new XPen(XColor.FromArgb(0xdd, 0xdd, 0xdd), 0.8), XBrushes.White, x, top, w, 34);
            g.DrawString(boxes[i].Label, Font(7.5), XBrushes.DimGray, new XRect(x + 6, top + 4, w - 12, 10), XStringFormats.TopLeft);
            g.DrawString(boxes[i].Value, Font(14, bold: true), i == 2 ? new XSolidBrush(XColor.FromArgb(0xb2, 0x22, 0x22)) : XBrushes.Black,
                new XRect(x + 6, top + 15, w - 12, 16), XStringFormats.TopLeft);
        }
        return y + 80;
    }

    /// <summary>The map on the left, the trend on the right, each scaled into its box keeping its shape.</summary>
    private static double Charts(XGraphics g, BriefingData data, double y)
    {
        const double boxHeight = 82 * Mm;
        var mapWidth = ContentWidth * 0.52;
        var trendWidth = ContentWidth - mapWidth - 6;
        var usedMap = Image(g, data.Map.Chart, Margin, y, mapWidth, boxHeight);
        var usedTrend = Image(g, data.Trend, Margin + mapWidth + 6, y, trendWidth, boxHeight);
        return y + Math.Max(usedMap, usedTrend) + 4;
    }

    private static double Image(XGraphics g, RenderedChart chart, double x, double y, double width, double maxHeight)
    {
        using var stream = new MemoryStream(chart.Png());
        using var image = XImage.FromStream(stream);
        var scale = Math.Min(width / chart.Width, maxHeight / chart.Height);
        g.DrawImage(image, x, y, chart.Width * scale, chart.Height * scale);
        return chart.Height * scale;
    }

    /// <summary>The districts (or towns) behind the figures, largest gap first.</summary>
    private static void Table(XGraphics g, BriefingData data, UiText text, double y)
    {
        g.DrawString(data.District is null ? text["briefing.rows_districts"] : text["briefing.rows_towns"], Font(10, bold: true), XBrushes.Black,
            new XRect(Margin, y, ContentWidth, 14), XStringFormats.TopLeft);
        y += 16;
        string[] headers = [data.District is null ? text["col.district"] : text["col.town"], text["col.required_posts"], text["col.qualified_posts"],
            text["col.gap_posts"], text["col.meeting_share"], text["col.certified_city"], text["col.certified_national"]];
        double[] widths = [0.2, 0.1, 0.1, 0.1, 0.12, 0.17, 0.21];
        const double rowHeight = 13.5;
        Row(g, headers, widths, y, rowHeight, header: true);
        y += rowHeight;
        foreach (var r in data.Rows)
        {
            Row(g, [r.Name, text.Number(r.RequiredPosts), text.Number(r.QualifiedPosts), text.Number(r.GapPosts), text.Percent(r.MeetingShare),
                text.Number(r.Certified.City), text.Number(r.Certified.National)], widths, y, rowHeight, header: false);
            y += rowHeight;
        }
        if (data.RowsLeftOut > 0)
            g.DrawString(text.Format("briefing.rows_left_out", data.RowsLeftOut), Font(7.5), XBrushes.DimGray, new XRect(Margin, y + 2, ContentWidth, 10), XStringFormats.TopLeft);
    }

    private static void Row(XGraphics g, IReadOnlyList<string> cells, double[] widths, double y, double height, bool header)
    {
        var x = Margin;
        var font = Font(header ? 7.5 : 8, bold: header);
        if (header) g.DrawRectangle(new XSolidBrush(XColor.FromArgb(0xf0, 0xf0, 0xf0)), Margin, y, ContentWidth, height);
        g.DrawLine(new XPen(XColor.FromArgb(0xdd, 0xdd, 0xdd), 0.5), Margin, y + height, Margin + ContentWidth, y + height);
        for (var i = 0; i < cells.Count; i++)
        {
            var w = widths[i] * ContentWidth;
            var format = i == 0 ? XStringFormats.CenterLeft : XStringFormats.CenterRight;
            g.DrawString(cells[i], font, XBrushes.Black, new XRect(x + 3, y, w - 6, height), format);
            x += w;
        }
    }

    private static XFont Font(double size, bool bold = false) =>
        new(Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular, new XPdfFontOptions(PdfFontEncoding.Unicode));

    /// <summary>PDFsharp's font resolver is process-wide: set it once, to the chart font's TrueType face.</summary>
    private static void EnsureFont()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is CjkFontResolver) return;
            GlobalFontSettings.FontResolver = new CjkFontResolver();
        }
    }

    private sealed class CjkFontResolver : IFontResolver
    {
        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new("cjk", bold, italic);

        public byte[]? GetFont(string faceName) => ChartFont.TrueTypeFace();
    }
}
