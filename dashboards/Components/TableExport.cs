using System.Globalization;
using MiniExcelLibs;

namespace Analytics.Dashboards.Components;

internal enum ExportFormat { Csv, Xlsx }

/// <summary>
/// The bytes of every table the leaders' pages export (scorecard, briefing): one method, so the product-wide
/// injection-safe writer can replace it in one line. CSV: UTF-8 with BOM for Excel; a text cell that Excel would take
/// for a formula (= + - @ at the start) is written with a leading apostrophe. XLSX: one sheet, header row first.
/// </summary>
internal static class TableExport
{
    public static byte[] Write(ExportFormat format, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<object?>> rows)
    {
        if (format == ExportFormat.Csv)
            return ExcelCsv.Write(headers, rows, row => row.Select(Text));
        var sheet = rows.Select(row =>
        {
            var record = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < headers.Count; i++) record[headers[i]] = i < row.Count ? Safe(row[i]) : null;
            return record;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, printHeader: true, sheetName: "Sheet1");
        return stream.ToArray();
    }

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? ".csv" : ".xlsx";

    private static object? Safe(object? value) => value is string s ? Guard(s) : value;

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => Guard(s),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double x => x.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Guard(value.ToString() ?? ""),
    };

    private static string Guard(string s) => s.Length > 0 && s[0] is '=' or '+' or '-' or '@' or '\t' or '\r' ? "'" + s : s;
}
