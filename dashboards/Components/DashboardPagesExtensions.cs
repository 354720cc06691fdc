using Microsoft.AspNetCore.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Analytics.Dashboards.Appraisal;
using Analytics.Dashboards.Drilldown;
using Analytics.Dashboards.Overview;
using Analytics.Dashboards.Quality;
using Analytics.Dashboards.Talent;
using Analytics.Dashboards.Scorecard;
using Analytics.Dashboards.Briefing;
using Analytics.Dashboards.Submissions;
using Analytics.Dashboards.Upload;

namespace Analytics.Dashboards.Components;

internal static class DashboardPagesExtensions
{
    /// <summary>Blazor Server (interactive server render mode) and each page's queries.</summary>
    public static WebApplicationBuilder AddDashboardPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Chinese is written as itself, not as numeric entities (&#x603B;): pages are a third of the size.
        builder.Services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        builder.Services.AddSingleton<DataStatusQueries>();
        builder.Services.AddSingleton<OverviewQueries>();
        builder.Services.AddSingleton<DrilldownQueries>();
        builder.Services.AddSingleton<TalentQueries>();
        builder.Services.AddSingleton<AppraisalQueries>();
        builder.Services.AddSingleton<QualityQueries>();
        builder.Services.AddSingleton<TalentComparisonQueries>();
        builder.Services.AddSingleton<Map.DistrictMaps>();
        builder.Services.AddScorecard();
        builder.Services.AddBriefing();
        builder.AddUpload();
        builder.AddSubmissionStatus();
        return builder;
    }

    public static WebApplication MapDashboardPages(this WebApplication app)
    {
        // An unknown address gets the 页面不存在 page with status 404 (and the router shows it after in-app navigation).
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        // Only a GET/HEAD that found nothing gets that page: other statuses (400 for a bad antiforgery token, 401, 429)
        // keep their own answer, and a POST is never re-executed (its antiforgery check would run a second time).
        app.Use(async (http, next) =>
        {
            await next(http);
            var notFoundPage = http.Response.StatusCode == StatusCodes.Status404NotFound && (HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method));
            if (!notFoundPage && http.Features.Get<IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        });
        // The re-executed request starts here, after the app's authorization middleware: authorize it here too.
        app.UseWhen(http => http.Features.Get<IStatusCodeReExecuteFeature>() is not null, branch => branch.UseAuthorization());
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        // Every page and the Blazor hub need a signed-in user; each page's [Authorize] policy narrows it to its roles.
        app.MapScorecard();
        app.MapBriefing();
        app.MapUpload();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(Auth.Policies.Dashboards);
        return app;
    }
}
