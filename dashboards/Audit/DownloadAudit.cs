using Analytics.Dashboards.Forecast;
using Analytics.Dashboards.Quality;

namespace Analytics.Dashboards.Audit;

/// <summary>
/// Writes every file download to the audit log (kind export: the user, the path with its query, ok or the HTTP status),
/// in one place for the endpoints that do not audit themselves: the forecast quota plan (CSV, XLSX), the quarantine CSV
/// and the audit CSV. The research exports (/sql/export/...) are audited by the research console with rows and duration.
/// </summary>
internal static class DownloadAudit
{
    /// <summary>The route patterns of the audited downloads.</summary>
    public static readonly IReadOnlySet<string> Routes = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        ForecastHostingExtensions.CsvPath, ForecastHostingExtensions.XlsxPath, QuarantineExport.Path, AuditExport.Path,
    };

    /// <summary>After authorization: only requests that reach one of these endpoints are recorded.</summary>
    public static WebApplication UseDownloadAudit(this WebApplication app)
    {
        app.Use(async (http, next) =>
        {
            var route = (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
            if (route is null || !Routes.Contains(route))
            {
                await next(http);
                return;
            }
            var audit = http.RequestServices.GetRequiredService<AuditLog>();
            var detail = http.Request.Path + http.Request.QueryString;
            try
            {
                await next(http);
            }
            catch
            {
                audit.Record(http.User.Identity?.Name, AuditLog.Export, "failed", detail);
                throw;
            }
            var status = http.Response.StatusCode;
            audit.Record(http.User.Identity?.Name, AuditLog.Export, status is >= 200 and < 300 ? "ok" : $"http_{status}", detail);
        });
        return app;
    }
}
