using Analytics.Warehouse.Exports;

namespace Analytics.Dashboards.Quality;

/// <summary>GET /quality/quarantine.csv?file=..&amp;q=..: the filtered quarantine as CSV, UTF-8 with BOM (opens in Excel).</summary>
internal static class QuarantineExport
{
    public const string Path = "/quality/quarantine.csv";

    public static WebApplication MapQuarantineExport(this WebApplication app)
    {
        app.MapGet(Path, (string? file, string? q, QualityQueries queries) =>
        {
            var rows = queries.Quarantine(new QuarantineFilter(file, q));
            return Results.File(Write(rows), "text/csv; charset=utf-8", "quarantine.csv");
        }).RequireAuthorization(Auth.Policies.Admin);
        return app;
    }

    public static byte[] Write(IReadOnlyList<QuarantineRow> rows) => ExportCsv.ToBytes(
        ["文件 file_name", "行号 line_number", "列 column_name", "原因 reason_zh", "reason_en", "类型 kind", "load_id"],
        rows.Select(r => new object?[] { r.FileName, r.LineNumber, r.ColumnName, r.ReasonZh, r.ReasonEn, r.Kind, r.LoadId }));
}
