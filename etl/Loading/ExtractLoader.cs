using System.Diagnostics;
using System.Security.Cryptography;
using Analytics.Etl.Extracts;
using Analytics.Warehouse.Facts;
using Analytics.Warehouse.People;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// Loads extract files into the warehouse: the org register first, then the rest; one transaction per file, so a
/// file lands whole or not at all; the same bytes twice are "already loaded"; bad rows go to quarantine.
/// </summary>
internal sealed class ExtractLoader(WarehouseDatabase database, PersonKeyHasher hasher, TimeProvider clock)
{
    /// <summary>Test hook: called after each staged row (file name, rows so far); throwing simulates a crash mid-file.</summary>
    internal Action<string, int>? AfterRowStaged { get; init; }

    /// <summary>
    /// DuckDB's memory limit while loading (e.g. <see cref="LoadMemory.OwnProcessLimit"/>), restored after; null leaves
    /// the settings alone. The limit is the whole DuckDB instance's, so set it only where nothing else queries that
    /// instance meanwhile (the CLI's own process): in the dashboard host a page's query during a load would run out of memory.
    /// </summary>
    internal string? MemoryLimitWhileLoading { get; init; }

    /// <summary>One load at a time: the staging tables are ordinary tables of the warehouse (see Staging.sql).</summary>
    private readonly Lock loading = new();

    public LoadReport Load(IEnumerable<string> paths, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        lock (loading) return LoadAll(paths, progress, cancellationToken);
    }

    private LoadReport LoadAll(IEnumerable<string> paths, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var (files, missing) = ExtractPaths.Expand(paths);
        var results = missing.Select(m => FileLoadResult.Problem(m, LoadOutcome.Failed, null,
            "找不到该文件或文件夹", "no such file or folder")).ToList();
        using var connection = database.Open();
        using var bounded = MemoryLimitWhileLoading is { } limit ? LoadMemory.Bound(connection, limit, database.Options.MemoryLimit) : null;
        var log = new LoadRunLog(connection, clock);
        var ordered = InDependencyOrder(files).ToList();
        var tracker = new LoadProgressTracker(progress, ordered);
        foreach (var path in ordered)
        {
            cancellationToken.ThrowIfCancellationRequested();
            tracker.BeginFile(path);
            results.Add(LoadOne(connection, log, path, tracker, cancellationToken));
        }
        return new LoadReport(results);
    }

    /// <summary>Org registers first (other kinds check codes against them), then file-name order.</summary>
    private IEnumerable<string> InDependencyOrder(IEnumerable<string> files) =>
        files.OrderBy(f => PeekKind(f)?.LoadOrder() ?? 1).ThenBy(f => f, StringComparer.Ordinal);

    private ExtractKind? PeekKind(string path)
    {
        try
        {
            using var file = ExtractFile.Open(path, KnownUnits.None, clock);
            return file.Kind;
        }
        catch (Exception e) when (e is ExtractRefusedException or IOException)
        {
            return null;
        }
    }

    private FileLoadResult LoadOne(DuckDBConnection connection, LoadRunLog log, string path, LoadProgressTracker progress, CancellationToken cancellationToken)
    {
        var fileName = Path.GetFileName(path);
        string sha256;
        try
        {
            sha256 = Sha256Of(path);
        }
        catch (IOException e)
        {
            return FileLoadResult.Problem(path, LoadOutcome.Failed, null, "无法读取文件：" + e.Message, "cannot read the file: " + e.Message);
        }
        if (log.AlreadyLoaded(sha256, out var earlier))
            return FileLoadResult.Problem(path, LoadOutcome.AlreadyLoaded, null,
                $"已加载过（与 {earlier} 内容相同），未作任何改动", $"already loaded (same bytes as {earlier}); nothing changed");

        var started = clock.GetUtcNow();
        ExtractKind? kind = null;
        var transaction = connection.BeginTransaction();
        try
        {
            var loadId = log.NextLoadId();
            connection.Execute(WarehouseScripts.Staging);
            log.OpenStage(loadId, fileName);
            using var file = ExtractFile.Open(path, KnownUnits.From(connection), clock);
            kind = file.Kind;
            using (var stage = new StageAppenders(connection, hasher, loadId, fileName))
                StageRows(file, stage, progress, cancellationToken);
            var loaded = KindRules.Merge(connection, file.Kind);
            SnapshotFacts.Refresh(connection, file.Kind.Code());
            var quarantined = log.KeepProblems();
            var result = new FileLoadResult(path, fileName, LoadOutcome.Loaded, file.Kind, file.RowsRead, loaded, quarantined, null, null, file.IgnoredColumns);
            log.Record(loadId, sha256, file.EncodingName, result, started);
            DropStaging(connection);
            transaction.Commit();
            return result;
        }
        catch (ExtractRefusedException e)
        {
            transaction.Rollback();
            var result = FileLoadResult.Problem(path, LoadOutcome.Refused, kind, e.ReasonZh, e.ReasonEn);
            log.RecordOutside(sha256, null, result, started);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            transaction.Rollback();
            var result = FileLoadResult.Problem(path, LoadOutcome.Failed, kind, "加载失败，仓库未作改动：" + e.Message,
                "the load failed and the warehouse was left unchanged: " + e.Message);
            log.RecordOutside(sha256, null, result, started);
            return result;
        }
        catch (OperationCanceledException)
        {
            transaction.Rollback();
            throw;
        }
        finally
        {
            transaction.Dispose();
        }
    }

    private void StageRows(ExtractFile file, StageAppenders stage, LoadProgressTracker progress, CancellationToken cancellationToken)
    {
        var clockStart = Stopwatch.GetTimestamp();
        var count = 0;
        void Staged<T>(RowOutcome<T> outcome, Action<int, T> add) where T : class
        {
            foreach (var warning in outcome.Warnings) stage.Notice(outcome.LineNumber, warning);
            if (outcome.IsGood) add(outcome.LineNumber, outcome.Row!);
            else foreach (var problem in outcome.Problems) stage.Problem(outcome.LineNumber, problem);
            count++;
            AfterRowStaged?.Invoke(file.FileName, count);
            if (count % 5000 != 0) return;
            cancellationToken.ThrowIfCancellationRequested();
            var seconds = Stopwatch.GetElapsedTime(clockStart).TotalSeconds;
            progress.Report(file.FileName, count, count / Math.Max(seconds, 1e-6), file.FractionRead);
        }
        switch (file.Kind)
        {
            case ExtractKind.OrgUnits: foreach (var o in file.ReadOrgUnits()) Staged(o, stage.Add); break;
            case ExtractKind.Roster: foreach (var o in file.ReadRoster()) Staged(o, stage.Add); break;
            case ExtractKind.ExamResults: foreach (var o in file.ReadExamResults()) Staged(o, stage.Add); break;
            case ExtractKind.Appraisals: foreach (var o in file.ReadAppraisals()) Staged(o, stage.Add); break;
            case ExtractKind.PostQuotas: foreach (var o in file.ReadPostQuotas()) Staged(o, stage.Add); break;
            case ExtractKind.DemoSites: foreach (var o in file.ReadDemoSites()) Staged(o, stage.Add); break;
        }
        var total = Stopwatch.GetElapsedTime(clockStart).TotalSeconds;
        progress.Report(file.FileName, count, count / Math.Max(total, 1e-6), 1.0);
    }

    /// <summary>The staging tables go before the commit, so they never outlive the file's transaction.</summary>
    private static void DropStaging(DuckDBConnection connection) => connection.Execute(WarehouseScripts.StagingDrop);

    internal static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
