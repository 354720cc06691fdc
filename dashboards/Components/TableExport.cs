using Analytics.Warehouse.Exports;

namespace Analytics.Dashboards.Components;

internal enum ExportFormat { Csv, Xlsx }

/// <summary>
/// The bytes of every table the leaders' pages export (scorecard, briefing), through the product's one export writer
/// (<see cref="ExportCsv"/> / <see cref="ExportXlsx"/>): UTF-8 with BOM for Excel, formula-like text neutralised,
/// numbers kept numeric. XLSX: one sheet, header row first.
/// </summary>
internal static class TableExport
{
    public static byte[] Write(ExportFormat format, IReadOnlyList<string> headers, IReadOnlyList<IReadOnlyList<object?>> rows) =>
        format == ExportFormat.Csv
            ? ExportCsv.ToBytes(headers, rows)
            : ExportXlsx.ToBytes([new ExportSheet("Sheet1", [headers.Cast<object?>().ToList(), .. rows])]);

    public static string ContentType(ExportFormat format) => format == ExportFormat.Csv
        ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static string Extension(ExportFormat format) => format == ExportFormat.Csv ? ".csv" : ".xlsx";
}
