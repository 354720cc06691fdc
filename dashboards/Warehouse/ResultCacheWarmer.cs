using Analytics.Dashboards.Overview;
using Analytics.Dashboards.Talent;

namespace Analytics.Dashboards.Warehouse;

/// <summary>Refills the city-wide cached results at start and after every warehouse change, off the request path.</summary>
internal sealed class ResultCacheWarmer(
    WarehouseResultCache cache, OverviewQueries overview, TalentQueries talent, SnapshotQueries snapshots,
    TimeProvider clock, ILogger<ResultCacheWarmer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        cache.Cleared += Warm;
        Warm();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        cache.Cleared -= Warm;
        return Task.CompletedTask;
    }

    private void Warm() => _ = Task.Run(() =>
    {
        try
        {
            overview.Trend(null);
            talent.YearlyBridges(snapshots.ResolveAsOf(null, clock), null);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Could not pre-compute the dashboard's city-wide results; pages compute them on first visit");
        }
    });
}
