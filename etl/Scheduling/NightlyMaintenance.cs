using System.Globalization;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Etl.Scheduling;

/// <summary>Something refreshed every night before the checkpoint (derived tables, forecasts).</summary>
internal interface INightlyRefresh
{
    string Name { get; }
    void Refresh(DuckDBConnection connection, CancellationToken cancellationToken);
}

/// <summary>The nightly job's work: refresh what is derived, checkpoint, keep a dated backup, prune old ones.</summary>
internal sealed class NightlyMaintenance(
    WarehouseDatabase database,
    IEnumerable<INightlyRefresh> refreshes,
    IOptions<IngestionScheduleOptions> options,
    WarehouseChangeNotifier changes,
    TimeProvider clock,
    ILogger<NightlyMaintenance> logger)
{
    public string Run(CancellationToken cancellationToken = default)
    {
        using (var connection = database.Open())
        {
            foreach (var refresh in refreshes)
            {
                cancellationToken.ThrowIfCancellationRequested();
                refresh.Refresh(connection, cancellationToken);
                logger.LogInformation("Nightly: refreshed {Name}", refresh.Name);
            }
            connection.Execute("CHECKPOINT");
        }
        var backup = Backup();
        changes.Raise();
        return backup;
    }

    /// <summary>A consistent copy through DuckDB itself (COPY FROM DATABASE), not a file copy of an open database.</summary>
    private string Backup()
    {
        var folder = Path.GetFullPath(options.Value.Backups);
        Directory.CreateDirectory(folder);
        var stamp = clock.GetUtcNow().ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        var target = Path.Combine(folder, $"warehouse-{stamp}.duckdb");
        if (File.Exists(target)) File.Delete(target);
        using (var connection = database.Open())
        {
            // The path is ours (a folder from configuration and a timestamp), never user input; ATTACH takes no parameter.
            connection.Execute($"ATTACH '{target.Replace("'", "''", StringComparison.Ordinal)}' AS nightly_backup");
            try
            {
                var source = Convert.ToString(connection.Scalar("SELECT current_database()"), CultureInfo.InvariantCulture);
                connection.Execute($"COPY FROM DATABASE \"{source}\" TO nightly_backup");
            }
            finally
            {
                connection.Execute("DETACH nightly_backup");
            }
        }
        var old = Directory.EnumerateFiles(folder, "warehouse-*.duckdb").Order(StringComparer.Ordinal).ToList();
        foreach (var stale in old.Take(Math.Max(0, old.Count - options.Value.BackupsToKeep))) File.Delete(stale);
        logger.LogInformation("Nightly: backup written to {Backup}", target);
        return target;
    }
}
