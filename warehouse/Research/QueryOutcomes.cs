namespace Analytics.Warehouse.Research;

/// <summary>A result column: its name, DuckDB type (e.g. BIGINT, VARCHAR, DATE, INTEGER[]) and .NET type of its values.</summary>
/// <remarks>LIST, STRUCT, MAP and other nested values arrive as their text ([1, 2], {'k': v}): their ClrType is string.</remarks>
public sealed record ResearchColumn(string Name, string DuckDbType, Type ClrType);

/// <summary>The rows of one research query, cut at the row cap (Truncated says whether more rows existed).</summary>
public sealed record ResearchResult(IReadOnlyList<ResearchColumn> Columns, IReadOnlyList<object?[]> Rows, bool Truncated, TimeSpan Elapsed, bool Aggregate)
{
    /// <summary>The query process's peak resident memory (bytes), as it reported it.</summary>
    public long PeakMemoryBytes { get; init; }
}

/// <summary>The query ran longer than the configured timeout and was stopped.</summary>
public sealed class QueryTimeoutException(TimeSpan timeout)
    : Exception($"查询超过 {timeout.TotalSeconds:0} 秒，已停止 / The query ran longer than {timeout.TotalSeconds:0} s and was stopped.")
{
    public TimeSpan Timeout { get; } = timeout;
}

/// <summary>The query process went past its memory ceiling and was stopped.</summary>
public sealed class QueryMemoryException(long ceilingBytes, long peakBytes)
    : Exception($"查询所需内存超过上限 {ceilingBytes / 1_048_576:N0} MB，已停止；请缩小查询范围（加条件、聚合或 LIMIT）。 / " +
        $"The query needed more memory than its ceiling of {ceilingBytes / 1_048_576:N0} MB and was stopped; narrow it (a filter, an aggregate or a LIMIT).")
{
    public long CeilingBytes { get; } = ceilingBytes;

    /// <summary>The highest resident memory of the query process seen before it was stopped.</summary>
    public long PeakBytes { get; } = peakBytes;
}

/// <summary>The query failed (e.g. an unknown column, or its process ended): DuckDB's message or what went wrong.</summary>
public sealed class QueryFailedException(string message) : Exception(message);
