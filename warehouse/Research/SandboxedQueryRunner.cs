using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Research;

/// <summary>
/// Runs one research query in a sandbox, in a process of its own. The statement is first checked by
/// <see cref="StatementGuard"/> here (a refused statement starts nothing); then the query process
/// (<see cref="ResearchQueryWorker"/>) opens the research file read-only in its own DuckDB instance with external access
/// off, configuration locked, no extensions, its own memory_limit and threads, checks the statement again and streams
/// the rows, stopping at the row cap. This side keeps at most the cap, and stops the whole process — which interrupts
/// any statement, even one DuckDB would not cancel — when it passes the timeout, goes above
/// <see cref="ResearchOptions.ProcessMemoryLimit"/> resident memory, or the caller cancels.
/// </summary>
public sealed class SandboxedQueryRunner(string researchPath, ResearchOptions options)
{
    private static readonly TimeSpan MemoryWatchInterval = TimeSpan.FromMilliseconds(10);

    internal static readonly Lazy<HashSet<string>> TableMacroNames = new(() =>
        ResearchCatalog.Macros.Select(m => m.Name).ToHashSet(StringComparer.OrdinalIgnoreCase));

    internal static ISet<string> TableMacros => TableMacroNames.Value;

    public string ResearchPath { get; } = Path.GetFullPath(researchPath);

    /// <summary>The sandboxed connection the query process opens on the research file.</summary>
    public string ConnectionString => SandboxConnectionString(ResearchPath, options.MemoryLimit, options.Threads);

    internal static string SandboxConnectionString(string path, string memoryLimit, int threads) =>
        $"Data Source={path};{(path == ":memory:" ? "" : "ACCESS_MODE=READ_ONLY;")}enable_external_access=false;autoinstall_known_extensions=false;" +
        $"autoload_known_extensions=false;allow_community_extensions=false;memory_limit={memoryLimit};" +
        $"threads={threads.ToString(CultureInfo.InvariantCulture)};lock_configuration=true";

    /// <summary>Checks and runs the query, keeping at most maxRows rows.</summary>
    /// <exception cref="QueryRefusedException">The statement is not a single allowed read-only query.</exception>
    /// <exception cref="QueryTimeoutException">It ran past the timeout.</exception>
    /// <exception cref="QueryMemoryException">Its process went above the memory ceiling.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled it.</exception>
    /// <exception cref="QueryFailedException">The query failed (e.g. an unknown column), or its process did.</exception>
    public ResearchResult Run(string sql, int maxRows, CancellationToken cancellation = default)
    {
        if (!File.Exists(ResearchPath))
            throw new QueryFailedException($"研究库尚未生成：{ResearchPath} / The research file has not been built yet.");
        Guard(sql);
        cancellation.ThrowIfCancellationRequested();
        var stopwatch = Stopwatch.StartNew();
        var ceiling = ResearchOptions.ParseBytes(options.ProcessMemoryLimit);
        using var process = ResearchWorkerProcess.Start(options);
        var stop = (int)StopReason.None;
        long peak = 0;
        void Stop(StopReason reason)
        {
            if (Interlocked.CompareExchange(ref stop, (int)reason, (int)StopReason.None) != (int)StopReason.None) return;
            ResearchWorkerProcess.Kill(process);
        }
        // A thread of its own (not the thread pool, which a busy server may starve) samples the process's memory.
        using var watching = new CancellationTokenSource();
        var memoryWatch = new Thread(() =>
        {
            while (!watching.IsCancellationRequested && !process.HasExited)
            {
                var rss = ProcessMemory.ResidentBytes(process);
                if (rss > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, rss);
                if (rss > ceiling)
                {
                    var high = ProcessMemory.PeakBytes(process);
                    if (high > Interlocked.Read(ref peak)) Interlocked.Exchange(ref peak, high);
                    Stop(StopReason.Memory);
                    return;
                }
                watching.Token.WaitHandle.WaitOne(MemoryWatchInterval);
            }
        }) { IsBackground = true, Name = "research query memory watch" };
        memoryWatch.Start();
        using var timeout = new Timer(_ => Stop(StopReason.Timeout), null, options.Timeout, Timeout.InfiniteTimeSpan);
        using var registration = cancellation.Register(() => Stop(StopReason.Cancelled));

        var answer = ReadAnswer(process, new ResearchWorkerRequest(ResearchPath, sql, maxRows, options.MemoryLimit, options.Threads));
        ResearchWorkerProcess.Kill(process);
        watching.Cancel();
        memoryWatch.Join();
        switch ((StopReason)Volatile.Read(ref stop))
        {
            case StopReason.Timeout: throw new QueryTimeoutException(options.Timeout);
            case StopReason.Memory: throw new QueryMemoryException(ceiling, Interlocked.Read(ref peak));
            case StopReason.Cancelled: throw new OperationCanceledException("已取消 Cancelled.", cancellation);
        }
        if (answer.Error is { } error)
            throw error.Kind == "refused" ? new QueryRefusedException(error.Zh, error.En) : new QueryFailedException(error.En);
        if (answer.Columns is null || !answer.Ended)
            throw new QueryFailedException(
                $"查询进程意外结束（退出码 {ExitCode(process)}）/ The query process ended unexpectedly (exit code {ExitCode(process)}). {answer.StandardError}".Trim());
        return new ResearchResult(answer.Columns, answer.Rows, answer.Truncated, stopwatch.Elapsed, answer.Aggregate)
        {
            PeakMemoryBytes = Math.Max(answer.Peak, Interlocked.Read(ref peak)),
        };
    }

    /// <summary>The statement check, on a sandboxed in-memory DuckDB of this process (parsing only: nothing runs).</summary>
    private static void Guard(string sql)
    {
        using var parser = new DuckDBConnection(SandboxConnectionString(":memory:", "64MB", 1));
        parser.Open();
        StatementGuard.Check(parser, sql, TableMacros);
    }

    private static ResearchWorkerAnswer ReadAnswer(Process process, ResearchWorkerRequest request)
    {
        var answer = new ResearchWorkerAnswer();
        var stderr = process.StandardError.ReadToEndAsync();
        try
        {
            using (var input = process.StandardInput.BaseStream) JsonSerializer.Serialize(input, request);
            string? line;
            while ((line = process.StandardOutput.ReadLine()) is not null)
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                if (root.ValueKind == JsonValueKind.Array) answer.AddRow(root);
                else answer.Read(root, request.MaxRows);
            }
        }
        catch (IOException)
        {
            // The process was stopped while we wrote or read: the stop reason says why.
        }
        process.WaitForExit(5_000);
        answer.StandardError = stderr.Wait(1_000) ? stderr.Result.Trim() : "";
        return answer;
    }

    private static string ExitCode(Process process) => process.HasExited ? process.ExitCode.ToString(CultureInfo.InvariantCulture) : "?";

    private enum StopReason { None, Timeout, Memory, Cancelled }
}
