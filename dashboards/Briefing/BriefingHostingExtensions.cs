using Analytics.Dashboards.Components;
using Analytics.Dashboards.Localization;

namespace Analytics.Dashboards.Briefing;

/// <summary>领导简报: the page (/briefing) and its PDF download (GET /briefing.pdf?asOf=...&amp;district=...).</summary>
internal static class BriefingHostingExtensions
{
    public const string PdfPath = "/briefing.pdf";

    public static IServiceCollection AddBriefing(this IServiceCollection services) => services.AddSingleton<BriefingBuilder>();

    public static WebApplication MapBriefing(this WebApplication app)
    {
        app.MapGet(PdfPath, (string? asOf, string? district, HttpContext http, BriefingBuilder builder, DataStatusQueries statuses, UiText text, AuditLog audit) =>
        {
            var status = statuses.Resolve(asOf);
            if (!status.ShowsFigures) return Results.Problem(text["banner.loading"], statusCode: StatusCodes.Status503ServiceUnavailable);
            var scope = http.UserScope();
            if (!scope.AllowsRequest(district)) return Results.Forbid();
            var area = scope.Narrow(district);
            var data = builder.Build(status.AsOf, area, scope.Code);
            if (data is null) return Results.NotFound(text.Format("drill.unknown_unit", area));
            var pdf = BriefingPdf.Render(data, text);
            audit.Record(http.User.Identity?.Name, AuditLog.Export, "ok", $"briefing.pdf asOf={status.AsOf:yyyy-MM-dd} district={area ?? "city"}");
            return Results.File(pdf, "application/pdf", $"briefing-{area ?? "510100"}-{status.AsOf:yyyy-MM-dd}.pdf");
        }).RequireAuthorization(Auth.Policies.Dashboards);
        return app;
    }
}
