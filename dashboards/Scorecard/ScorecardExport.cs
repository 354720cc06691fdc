using Analytics.Dashboards.Components;
using Analytics.Dashboards.Localization;
using Analytics.Warehouse.Research;

namespace Analytics.Dashboards.Scorecard;

/// <summary>
/// GET /district/scorecard.csv and .xlsx?asOf=...: the scorecard as a table (certificates split by level). Counts of
/// people below the suppression threshold are written as "&lt;10", as in every exported aggregate; posts are not people.
/// </summary>
internal static class ScorecardExport
{
    public const string CsvPath = "/district/scorecard.csv", XlsxPath = "/district/scorecard.xlsx";

    public static string PathFor(ExportFormat format) => format == ExportFormat.Csv ? CsvPath : XlsxPath;

    public static WebApplication MapScorecardExports(this WebApplication app)
    {
        foreach (var format in new[] { ExportFormat.Csv, ExportFormat.Xlsx })
            app.MapGet(PathFor(format), (string? asOf, HttpContext http, ScorecardQueries queries, DataStatusQueries statuses,
                SmallNumberSuppression smallNumbers, UiText text, AuditLog audit) =>
            {
                var status = statuses.Resolve(asOf);
                if (!status.ShowsFigures) return Results.Problem(text["banner.loading"], statusCode: StatusCodes.Status503ServiceUnavailable);
                var rows = queries.Rows(status.AsOf, http.UserScope().Code);
                var bytes = Write(format, rows, text, smallNumbers);
                audit.Record(http.User.Identity?.Name, AuditLog.Export, "ok", $"scorecard{TableExport.Extension(format)} asOf={status.AsOf:yyyy-MM-dd}", rows: rows.Count);
                return Results.File(bytes, TableExport.ContentType(format), $"scorecard-{status.AsOf:yyyy-MM-dd}{TableExport.Extension(format)}");
            }).RequireAuthorization(Auth.Policies.Dashboards);
        return app;
    }

    public static byte[] Write(ExportFormat format, IReadOnlyList<ScorecardRow> rows, UiText text, SmallNumberSuppression smallNumbers)
    {
        object People(long n) => smallNumbers.Suppresses(n) ? smallNumbers.Marker : n;
        string[] headers =
        [
            text["col.rank"], text["col.unit_code"], text["col.district"], text["col.kind"], text["col.required_posts"],
            text["col.qualified_posts"], text["col.gap_posts"], text["col.units_meeting_target"], text["col.units"],
            text["col.meeting_share"], text["col.demo_sites"], text["col.demo_sites_required"], text["col.professionals"],
            text["col.certified_city"], text["col.certified_national"], text["col.compared_with"], text["col.gap_before"], text["col.gap_change_year"],
        ];
        var table = rows.Select(r => (IReadOnlyList<object?>)
        [
            r.Rank, r.DistrictCode, r.DistrictName, r.Progress.DistrictKind, r.Progress.RequiredPosts, r.Progress.QualifiedPosts,
            r.Progress.GapPosts, r.Progress.UnitsMeetingTarget, r.Units, r.MeetingShare is { } s ? Math.Round(s, 4) : null,
            r.Progress.DemoSites, r.Progress.DemoSitesRequired, People(r.Progress.Professionals), People(r.Certified.City),
            People(r.Certified.National), r.ComparedWith, r.GapBefore, r.GapChange,
        ]).ToList();
        return TableExport.Write(format, headers, table);
    }
}
