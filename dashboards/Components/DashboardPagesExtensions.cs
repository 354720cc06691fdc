using Analytics.Dashboards.Appraisal;
using Analytics.Dashboards.Drilldown;
using Analytics.Dashboards.Overview;
using Analytics.Dashboards.Quality;
using Analytics.Dashboards.Talent;

namespace Analytics.Dashboards.Components;

internal static class DashboardPagesExtensions
{
    /// <summary>Blazor Server (interactive server render mode) and each page's queries.</summary>
    public static WebApplicationBuilder AddDashboardPages(this WebApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddSingleton<OverviewQueries>();
        builder.Services.AddSingleton<DrilldownQueries>();
        builder.Services.AddSingleton<TalentQueries>();
        builder.Services.AddSingleton<AppraisalQueries>();
        builder.Services.AddSingleton<QualityQueries>();
        return builder;
    }

    public static WebApplication MapDashboardPages(this WebApplication app)
    {
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        // Every page and the Blazor hub need a signed-in user; each page's [Authorize] policy narrows it to its roles.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode().RequireAuthorization(Auth.Policies.Dashboards);
        return app;
    }
}
