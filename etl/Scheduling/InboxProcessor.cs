using Analytics.Etl.Loading;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Analytics.Etl.Scheduling;

/// <summary>What one inbox scan did.</summary>
public sealed record InboxScanResult(bool Skipped, IReadOnlyList<string> Waiting, LoadReport Report);

/// <summary>
/// Loads the inbox: takes the files that have stopped changing, loads them in one call (org register first), then
/// moves each to archive/ (loaded or already loaded) or rejected/ with a .reason.txt (refused). A file that failed
/// for a fault stays in the inbox for the retry. Never runs twice at once.
/// </summary>
public sealed class InboxProcessor(
    ExtractLoader loader,
    IOptions<IngestionScheduleOptions> options,
    WarehouseChangeNotifier changes,
    TimeProvider clock,
    ILogger<InboxProcessor> logger)
{
    private readonly SemaphoreSlim running = new(1, 1);
    private readonly Dictionary<string, long> sizeAtLastScan = [];

    public IngestionScheduleOptions Options => options.Value;

    public InboxScanResult RunOnce(CancellationToken cancellationToken = default)
    {
        if (!running.Wait(0))
        {
            logger.LogInformation("Inbox scan skipped: the previous scan is still running");
            return new InboxScanResult(true, [], new LoadReport([]));
        }
        try
        {
            Directory.CreateDirectory(Options.Inbox);
            var (ready, waiting) = ReadyFiles();
            var report = ready.Count == 0 ? new LoadReport([]) : loader.Load(ready, new FileProgressLog(logger), cancellationToken);
            foreach (var file in report.Files) FileAway(file);
            if (report.Files.Any(f => f.Outcome == LoadOutcome.Loaded)) changes.Raise();
            return new InboxScanResult(false, waiting, report);
        }
        finally
        {
            running.Release();
        }
    }

    /// <summary>A file is ready when it is at least StableFor old and its size has not changed since the last scan.</summary>
    private (List<string> Ready, List<string> Waiting) ReadyFiles()
    {
        var ready = new List<string>();
        var waiting = new List<string>();
        var now = clock.GetUtcNow();
        var seen = new HashSet<string>();
        foreach (var path in Directory.EnumerateFiles(Options.Inbox).Order(StringComparer.Ordinal))
        {
            if (Path.GetFileName(path).StartsWith('.')) continue;
            var info = new FileInfo(path);
            seen.Add(path);
            var stableSize = !sizeAtLastScan.TryGetValue(path, out var before) || before == info.Length;
            sizeAtLastScan[path] = info.Length;
            var age = now - new DateTimeOffset(info.LastWriteTimeUtc, TimeSpan.Zero);
            if (stableSize && age >= Options.StableFor) ready.Add(path);
            else waiting.Add(path);
        }
        foreach (var gone in sizeAtLastScan.Keys.Where(k => !seen.Contains(k)).ToList()) sizeAtLastScan.Remove(gone);
        return (ready, waiting);
    }

    private void FileAway(FileLoadResult result)
    {
        switch (result.Outcome)
        {
            case LoadOutcome.Loaded or LoadOutcome.AlreadyLoaded:
                MoveTo(result.FilePath, Options.Archive);
                logger.LogInformation("Inbox: {File} {Outcome} ({Loaded} rows loaded, {Quarantined} quarantined)",
                    result.FileName, result.Outcome, result.RowsLoaded, result.RowsQuarantined);
                break;
            case LoadOutcome.Refused:
                var moved = MoveTo(result.FilePath, Options.Rejected);
                File.WriteAllText(moved + ".reason.txt", $"{result.FileName}\n{result.MessageZh}\n{result.MessageEn}\n");
                logger.LogWarning("Inbox: {File} refused: {Reason}", result.FileName, result.MessageEn);
                break;
            default:
                logger.LogError("Inbox: {File} failed and stays in the inbox: {Reason}", result.FileName, result.MessageEn);
                break;
        }
    }

    /// <summary>Moves into the folder, under a dated sub-folder, never overwriting an earlier file of the same name.</summary>
    private string MoveTo(string path, string folder)
    {
        var dated = Path.Combine(folder, clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Directory.CreateDirectory(dated);
        var target = Path.Combine(dated, Path.GetFileName(path));
        for (var n = 2; File.Exists(target); n++)
            target = Path.Combine(dated, $"{Path.GetFileNameWithoutExtension(path)} ({n}){Path.GetExtension(path)}");
        File.Move(path, target);
        sizeAtLastScan.Remove(path);
        return target;
    }
}

/// <summary>Logs each file as it finishes loading (file, rows, rows/s), so a long inbox load shows its progress.</summary>
internal sealed class FileProgressLog(ILogger logger) : IProgress<LoadProgress>
{
    public void Report(LoadProgress value)
    {
        if (value.FractionDone >= 1)
            logger.LogInformation("Inbox: read {File}: {Rows:N0} rows at {Rate:N0} rows/s", value.FileName, value.RowsRead, value.RowsPerSecond);
    }
}
