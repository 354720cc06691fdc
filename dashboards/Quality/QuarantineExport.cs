using System.Globalization;
using System.Text;
using CsvHelper;

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

    public static byte[] Write(IReadOnlyList<QuarantineRow> rows)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var header in new[] { "文件 file_name", "行号 line_number", "列 column_name", "原因 reason_zh", "reason_en", "类型 kind", "load_id" })
                csv.WriteField(header);
            csv.NextRecord();
            foreach (var r in rows)
            {
                csv.WriteField(r.FileName);
                csv.WriteField(r.LineNumber);
                csv.WriteField(r.ColumnName ?? "");
                csv.WriteField(r.ReasonZh);
                csv.WriteField(r.ReasonEn);
                csv.WriteField(r.Kind ?? "");
                csv.WriteField(r.LoadId);
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }
}
