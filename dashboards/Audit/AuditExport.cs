using System.Globalization;
using System.Text;
using Analytics.Dashboards.Auth;
using CsvHelper;

namespace Analytics.Dashboards.Audit;

/// <summary>GET /admin/audit.csv?user=..&amp;kind=..: the filtered audit log as CSV (UTF-8 with BOM). Admin policy.</summary>
internal static class AuditExport
{
    public const string Path = "/admin/audit.csv";

    public static WebApplication MapAuditExport(this WebApplication app)
    {
        app.MapGet(Path, (string? user, string? kind, AuditLog audit) =>
            Results.File(Write(audit.Events(new AuditFilter(user, kind, 100_000))), "text/csv; charset=utf-8", "audit.csv"))
            .RequireAuthorization(Policies.Admin);
        return app;
    }

    public static byte[] Write(IReadOnlyList<AuditEvent> events)
    {
        using var stream = new MemoryStream();
        using (var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)))
        using (var csv = new CsvWriter(writer, CultureInfo.InvariantCulture))
        {
            foreach (var header in new[] { "event_id", "时间 at", "用户 user", "类型 kind", "内容 detail", "耗时 duration_ms", "行数 rows", "结果 outcome" })
                csv.WriteField(header);
            csv.NextRecord();
            foreach (var e in events)
            {
                csv.WriteField(e.EventId);
                csv.WriteField(e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture));
                csv.WriteField(e.UserName ?? "");
                csv.WriteField(e.Kind);
                csv.WriteField(e.Detail ?? "");
                csv.WriteField(e.DurationMs?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(e.Rows?.ToString(CultureInfo.InvariantCulture) ?? "");
                csv.WriteField(e.Outcome);
                csv.NextRecord();
            }
        }
        return stream.ToArray();
    }
}
