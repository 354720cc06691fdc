using Analytics.Dashboards.Overview;
using Analytics.Dashboards.Scorecard;
using Analytics.Dashboards.Talent;
using Analytics.Warehouse.Storage;

namespace Analytics.Dashboards.WarehouseReads;

/// <summary>
/// Computes the city-wide results of the landing pages once at start, off the request path, so the first visitor
/// does not wait for them; after each change, in the refreshing phase of the change signal, the
/// <see cref="WarehouseResultCache"/> recomputes what was asked for and this fills in the landing pages' results.
/// </summary>
internal sealed class ResultCacheWarmer(
    OverviewQueries overview, TalentQueries talent, ScorecardQueries scorecard, SnapshotQueries snapshots, Forecast.ForecastCache forecasts,
    WarehouseChangeNotifier notifier, TimeProvider clock, ILogger<ResultCacheWarmer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        notifier.Refreshing += Warm;
        _ = Task.Run(Warm, cancellationToken);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        notifier.Refreshing -= Warm;
        return Task.CompletedTask;
    }

    private void Warm()
    {
        try
        {
            var dates = snapshots.SnapshotDates();
            if (dates.Count == 0) return; // nothing loaded yet: the first load's change signal fills the cache
            var asOf = snapshots.ResolveAsOf(null, clock);
            snapshots.Districts(asOf);
            overview.Headline(asOf, null);
            overview.DistrictRanking(asOf);
            overview.Trend(null);
            scorecard.Rows(asOf);
            talent.YearlyBridges(asOf, null);
            _ = forecasts.GetAsync(Etl.Forecasting.GapForecasts.DefaultHorizonYear); // fitted in the background
        }
        catch (Exception e) when (e is DuckDB.NET.Data.DuckDBException or InvalidOperationException)
        {
            logger.LogWarning(e, "Could not pre-compute the dashboard's city-wide results; pages compute them on first visit");
        }
    }
}
