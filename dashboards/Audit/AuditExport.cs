using System.Globalization;
using Analytics.Dashboards.Auth;
using Analytics.Warehouse.Exports;

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

    public static byte[] Write(IReadOnlyList<AuditEvent> events) => ExportCsv.ToBytes(
        ["event_id", "时间 at", "用户 user", "类型 kind", "内容 detail", "耗时 duration_ms", "行数 rows", "结果 outcome"],
        events.Select(e => new object?[]
        {
            e.EventId, e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture), e.UserName, e.Kind, e.Detail, e.DurationMs, e.Rows, e.Outcome,
        }));
}
