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
/// file lands whole or not at all; the same bytes twice are "already loaded"; bad rows go to quarantine. Each file is
/// read once (decoded, parsed, checked and hashed in one pass) and its good rows appended straight into their table.
/// A file that fails (a full disk, memory) is reported with its own error and recorded; the other files still load.
/// </summary>
public sealed class ExtractLoader(WarehouseDatabase database, PersonKeyHasher hasher, TimeProvider clock)
{
    /// <summary>Test hook: called after each row is appended (file name, rows so far); throwing simulates a crash mid-file.</summary>
    internal Action<string, int>? AfterRowStaged { get; init; }

    /// <summary>
    /// DuckDB's memory limit while loading (e.g. <see cref="LoadMemory.OwnProcessLimit"/>), restored after; null leaves
    /// the settings alone. The limit is the whole DuckDB instance's, so in the dashboard host it also bounds the pages'
    /// queries during a load (Scheduling:LoadMemoryLimit).
    /// </summary>
    internal string? MemoryLimitWhileLoading { get; init; }

    /// <summary>One load at a time (the merge uses temp tables of the connection).</summary>
    private readonly Lock loading = new();
    private bool targetsVerified;

    public LoadReport Load(IEnumerable<string> paths, IProgress<LoadProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        lock (loading) return LoadAll(paths, progress, cancellationToken);
    }

    private LoadReport LoadAll(IEnumerable<string> paths, IProgress<LoadProgress>? progress, CancellationToken cancellationToken)
    {
        var (files, missing) = ExtractPaths.Expand(paths);
        var results = missing.Select(m => FileLoadResult.Problem(m, LoadOutcome.Failed, null,
            "找不到该文件或文件夹", "no such file or folder")).ToList();
        var ordered = InDependencyOrder(files).ToList();
        var tracker = new LoadProgressTracker(progress, ordered);
        using var keys = hasher.StartBatch();
        var session = OpenSession();
        try
        {
            foreach (var path in ordered)
            {
                cancellationToken.ThrowIfCancellationRequested();
                tracker.BeginFile(path);
                var result = LoadOne(new FileLoad(session.Connection, session.Log, keys, path, tracker), cancellationToken);
                results.Add(result);
                if (result.Outcome != LoadOutcome.Failed) continue;
                // A fault may leave the connection (or DuckDB's state) unusable: the next file starts on a fresh one.
                session.Dispose();
                session = OpenSession();
            }
        }
        finally
        {
            session.Dispose();
        }

        return new LoadReport(results);
    }

    private Session OpenSession()
    {
        var connection = database.Open();
        try
        {
            if (!targetsVerified) TargetTables.Verify(connection);
            targetsVerified = true;
            var bounded = MemoryLimitWhileLoading is { } limit ? LoadMemory.Bound(connection, limit, database.Options.MemoryLimit) : null;
            return new Session(connection, bounded, new LoadRunLog(connection, clock));
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The connection the files load on, with DuckDB's memory bounded while it is open.</summary>
    private sealed record Session(DuckDBConnection Connection, LoadMemory? Bounded, LoadRunLog Log) : IDisposable
    {
        public void Dispose()
        {
            try
            {
                Bounded?.Dispose();
            }
            catch (DuckDBException)
            {
                // The settings die with the connection's DuckDB instance when it is the last one.
            }

            Connection.Dispose();
        }
    }

    /// <summary>Org registers first (other kinds check codes against them), then file-name order.</summary>
    private IEnumerable<string> InDependencyOrder(IEnumerable<string> files) =>
        files.OrderBy(f => PeekKind(f)?.LoadOrder ?? 1).ThenBy(f => f, StringComparer.Ordinal);

    /// <summary>The kind from the header alone (the first block of the file).</summary>
    private ExtractKind? PeekKind(string path)
    {
        try
        {
            using var file = ExtractFile.Open(path, KnownUnits.None, clock);
            return file.Kind;
        }
        catch (Exception e) when (e is ExtractRefusedException or IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private sealed record FileLoad(DuckDBConnection Connection, LoadRunLog Log, PersonKeyBatch Keys, string Path, LoadProgressTracker Progress);

    /// <summary>One file; never throws but for cancellation: every other failure becomes the file's result.</summary>
    private FileLoadResult LoadOne(FileLoad load, CancellationToken cancellationToken)
    {
        try
        {
            return LoadInTransaction(load, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return FileLoadResult.Problem(load.Path, LoadOutcome.Failed, null, LoadFailure.ReasonZh(e), LoadFailure.ReasonEn(e));
        }
    }

    private FileLoadResult LoadInTransaction(FileLoad load, CancellationToken cancellationToken)
    {
        var size = new FileInfo(load.Path).Length;
        string? sha256 = null;
        if (load.Log.MayHaveLoaded(size))
        {
            sha256 = Sha256Of(load.Path);
            if (load.Log.AlreadyLoaded(sha256, out var earlier))
                return FileLoadResult.Problem(load.Path, LoadOutcome.AlreadyLoaded, null,
                    $"已加载过（与 {earlier} 内容相同），未作任何改动", $"already loaded (same bytes as {earlier}); nothing changed");
        }

        var started = clock.GetUtcNow();
        var watch = Stopwatch.StartNew();
        ExtractFile? file = null;
        var transaction = load.Connection.BeginTransaction();
        try
        {
            var loadId = load.Log.NextLoadId();
            file = ExtractFile.Open(load.Path, KnownUnits.From(load.Connection), clock);
            var merge = new MergeContext(load.Connection, loadId, file.FileName) { District = file.SubmittedDistrictCode };
            if (file.Kind.NamesPeople) PeopleMerge.Prepare(merge);
            AppendRows(file, merge, load, cancellationToken);
            var loaded = TargetMerge.Run(merge, file.Kind);
            AfterMerge(merge, file.Kind);
            sha256 ??= file.Sha256();
            var result = new FileLoadResult(load.Path, file.FileName, LoadOutcome.Loaded, file.Kind, file.RowsRead, loaded,
                load.Log.QuarantinedLines(loadId), null, null, file.IgnoredColumns);
            load.Log.Record(loadId, sha256, file.EncodingName, size, result, started);
            transaction.Commit();
            return result with { Seconds = watch.Elapsed.TotalSeconds, EncodingName = file.EncodingName };
        }
        catch (ExtractRefusedException e)
        {
            LoadFailure.GiveUp(transaction);
            var result = FileLoadResult.Problem(load.Path, LoadOutcome.Refused, file?.Kind, e.ReasonZh, e.ReasonEn);
            return RecordOutside(load, () => sha256 ?? HashOf(file, load.Path), size, result, started);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LoadFailure.GiveUp(transaction);
            var result = FileLoadResult.Problem(load.Path, LoadOutcome.Failed, file?.Kind, LoadFailure.ReasonZh(e), LoadFailure.ReasonEn(e));
            return RecordOutside(load, () => sha256 ?? HashOf(file, load.Path), size, result, started);
        }
        catch (OperationCanceledException)
        {
            LoadFailure.GiveUp(transaction);
            throw;
        }
        finally
        {
            file?.Dispose();
            LoadFailure.Dispose(transaction);
        }
    }

    /// <summary>
    /// After the file's rows are merged, inside its transaction, before the load is recorded and committed: the place
    /// for what is derived from the merged rows and must land with them (the snapshot facts:
    /// <c>SnapshotFacts.Refresh(merge.Connection, ...)</c> for <paramref name="kind"/>, load <c>merge.LoadId</c>).
    /// </summary>
    private static void AfterMerge(MergeContext merge, ExtractKind kind) => SnapshotFacts.Refresh(merge.Connection, kind.Code);

    private void AppendRows(ExtractFile file, MergeContext merge, FileLoad load, CancellationToken cancellationToken)
    {
        var clockStart = Stopwatch.GetTimestamp();
        void AfterRow(int rows)
        {
            AfterRowStaged?.Invoke(file.FileName, rows);
            if (rows % 5000 != 0) return;
            cancellationToken.ThrowIfCancellationRequested();
            var seconds = Stopwatch.GetElapsedTime(clockStart).TotalSeconds;
            load.Progress.Report(file.FileName, rows, rows / Math.Max(seconds, 1e-6), file.FractionRead);
        }

        using (var sink = new LoadSink(merge.Connection, load.Keys, merge.LoadId, file.FileName, AfterRow))
            file.Kind.AppendRows(file, sink);
        var total = Stopwatch.GetElapsedTime(clockStart).TotalSeconds;
        load.Progress.Report(file.FileName, file.RowsRead, file.RowsRead / Math.Max(total, 1e-6), 1.0);
    }

    /// <summary>Records a refused or failed file outside its (given up) transaction; a failure to record is added to the message.</summary>
    private static FileLoadResult RecordOutside(FileLoad load, Func<string> sha256, long size, FileLoadResult result, DateTimeOffset started)
    {
        try
        {
            load.Log.RecordOutside(sha256(), size, result, started);
            return result;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return result with
            {
                MessageZh = result.MessageZh + $"（此结果也未能记入加载历史：{e.Message}）",
                MessageEn = result.MessageEn + $" (this could not be recorded in the load history either: {e.Message})",
            };
        }
    }

    private static string HashOf(ExtractFile? file, string path)
    {
        try
        {
            if (file is not null) return file.Sha256();
        }
        catch (IOException)
        {
        }

        return Sha256Of(path);
    }

    internal static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
