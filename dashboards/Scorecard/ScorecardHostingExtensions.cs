namespace Analytics.Dashboards.Scorecard;

internal static class ScorecardHostingExtensions
{
    public static IServiceCollection AddScorecard(this IServiceCollection services) => services.AddSingleton<ScorecardQueries>();

    public static WebApplication MapScorecard(this WebApplication app) => app.MapScorecardExports();
}
