using System.Diagnostics;
using System.Globalization;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Research;

/// <summary>A result column: its name and DuckDB type (e.g. BIGINT, VARCHAR, DATE).</summary>
internal sealed record ResearchColumn(string Name, string DuckDbType, Type ClrType);

/// <summary>The rows of one research query, cut at the row cap (Truncated says whether more rows existed).</summary>
internal sealed record ResearchResult(IReadOnlyList<ResearchColumn> Columns, IReadOnlyList<object?[]> Rows, bool Truncated, TimeSpan Elapsed, bool Aggregate);

/// <summary>The query ran longer than the configured timeout and was stopped.</summary>
internal sealed class QueryTimeoutException(TimeSpan timeout)
    : Exception($"查询超过 {timeout.TotalSeconds:0} 秒，已停止 / The query ran longer than {timeout.TotalSeconds:0} s and was stopped.")
{
    public TimeSpan Timeout { get; } = timeout;
}

/// <summary>
/// Runs one research query in a sandbox: the research file opened read-only in its own DuckDB instance with external
/// access off (no files, no network), configuration locked, extensions neither installed nor loaded, and memory and
/// thread limits; the statement is first checked by <see cref="StatementGuard"/>; a timer really stops it
/// (<c>DuckDBCommand.Cancel()</c>) after the timeout, as does the caller's cancellation.
/// </summary>
internal sealed class SandboxedQueryRunner(string researchPath, ResearchOptions options)
{
    private static readonly Lazy<HashSet<string>> TableMacros = new(() =>
        ResearchCatalog.Macros.Select(m => m.Name).ToHashSet(StringComparer.OrdinalIgnoreCase));

    public string ResearchPath { get; } = Path.GetFullPath(researchPath);

    public string ConnectionString =>
        $"Data Source={ResearchPath};ACCESS_MODE=READ_ONLY;enable_external_access=false;autoinstall_known_extensions=false;" +
        $"autoload_known_extensions=false;allow_community_extensions=false;memory_limit={options.MemoryLimit};" +
        $"threads={options.Threads.ToString(CultureInfo.InvariantCulture)};lock_configuration=true";

    /// <summary>Checks and runs the query, keeping at most maxRows rows.</summary>
    /// <exception cref="QueryRefusedException">The statement is not a single allowed read-only query.</exception>
    /// <exception cref="QueryTimeoutException">It ran past the timeout.</exception>
    /// <exception cref="OperationCanceledException">The caller cancelled it.</exception>
    /// <exception cref="DuckDBException">The query failed (e.g. an unknown column).</exception>
    public ResearchResult Run(string sql, int maxRows, CancellationToken cancellation = default)
    {
        if (!File.Exists(ResearchPath))
            throw new InvalidOperationException($"研究库尚未生成：{ResearchPath} / The research file has not been built yet.");
        using var connection = new DuckDBConnection(ConnectionString);
        connection.Open();
        var guarded = StatementGuard.Check(connection, sql, TableMacros.Value);
        using var command = connection.CreateCommand();
        command.CommandText = guarded.Sql;
        var timedOut = false;
        var stopwatch = Stopwatch.StartNew();
        using var timer = new Timer(_ => { timedOut = true; TryCancel(command); }, null, options.Timeout, Timeout.InfiniteTimeSpan);
        using var registration = cancellation.Register(() => TryCancel(command));
        try
        {
            cancellation.ThrowIfCancellationRequested();
            using var reader = command.ExecuteReader();
            var columns = Enumerable.Range(0, reader.FieldCount)
                .Select(i => new ResearchColumn(reader.GetName(i), reader.GetDataTypeName(i), reader.GetFieldType(i))).ToList();
            var rows = new List<object?[]>();
            var truncated = false;
            while (reader.Read())
            {
                if (rows.Count >= maxRows) { truncated = true; break; }
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            if (timedOut) throw new QueryTimeoutException(options.Timeout);
            cancellation.ThrowIfCancellationRequested();
            return new ResearchResult(columns, rows, truncated, stopwatch.Elapsed, guarded.Aggregate);
        }
        catch (Exception e) when (timedOut && e is not QueryTimeoutException && (e is OperationCanceledException or DuckDBException))
        {
            throw new QueryTimeoutException(options.Timeout);
        }
        catch (DuckDBException e) when (cancellation.IsCancellationRequested)
        {
            throw new OperationCanceledException("已取消 Cancelled.", e, cancellation);
        }
    }

    private static void TryCancel(DuckDBCommand command)
    {
        try { command.Cancel(); }
        catch (ObjectDisposedException) { }
        catch (InvalidOperationException) { }
    }
}
