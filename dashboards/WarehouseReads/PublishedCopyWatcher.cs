using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.WarehouseReads;

/// <summary>
/// A read-only replica's watch on its published copy: every PollInterval it reads the copy's version marker; when a
/// newer copy was published, new connections read it and the one change signal is raised (cached results refresh,
/// then open pages re-render). No restart.
/// </summary>
internal sealed class PublishedCopyWatcher(
    PublishedCopy copy, WarehouseConnections connections, WarehouseChangeNotifier notifier, IOptions<ReadOnlyServingOptions> options,
    TimeProvider clock, ILogger<PublishedCopyWatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _ = connections; // opened first: the copy is attached before the first swap is looked for
        logger.LogInformation("只读副本 Serving the published copy {Path} (version {Version})", options.Value.FullPath, copy.ServedVersion);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            try
            {
                if (!copy.SwapIfNewer()) continue;
                logger.LogInformation("只读副本已更新 A newer published copy is served (version {Version})", copy.ServedVersion);
                notifier.Raise();
            }
            catch (Exception e) when (e is DuckDB.NET.Data.DuckDBException or IOException)
            {
                logger.LogWarning("只读副本暂不能更新，稍后重试 The newer published copy could not be opened yet: {Message}", e.Message);
            }
        }
    }
}
