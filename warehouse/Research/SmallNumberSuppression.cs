using System.Numerics;

namespace Analytics.Warehouse.Research;

/// <summary>
/// Small-number suppression: a count of people below the threshold (default 10) is shown as "&lt;10", so nobody can be
/// singled out. A zero is shown as it is (it singles out no one). Used by exports of aggregates and by the dashboard
/// tiles below district level.
/// </summary>
public sealed class SmallNumberSuppression(int threshold)
{
    /// <summary>Integer columns of an aggregate that are not counts (years, ranks, codes), left as they are.</summary>
    private static readonly HashSet<string> NotCounts = new(StringComparer.OrdinalIgnoreCase)
        { "year", "exam_year", "level_rank", "birth_year", "load_id", "event_id", "rank" };

    public int Threshold { get; } = threshold;

    public string Marker => "<" + Threshold.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public bool Suppresses(long count) => count > 0 && count < Threshold;

    /// <summary>The count as text (formatted by the caller's format), or "&lt;10".</summary>
    public string Show(long count, Func<long, string> format) => Suppresses(count) ? Marker : format(count);

    /// <summary>Whether a result column holds counts to suppress: an integer column of an aggregate, not a year/rank/code.</summary>
    public static bool IsCountColumn(ResearchColumn column) =>
        !NotCounts.Contains(column.Name) && !column.Name.EndsWith("_code", StringComparison.OrdinalIgnoreCase) &&
        (column.ClrType == typeof(long) || column.ClrType == typeof(int) || column.ClrType == typeof(short) ||
         column.ClrType == typeof(byte) || column.ClrType == typeof(sbyte) || column.ClrType == typeof(ushort) ||
         column.ClrType == typeof(uint) || column.ClrType == typeof(ulong) || column.ClrType == typeof(BigInteger));

    /// <summary>The rows for export: in an aggregate result, counts below the threshold become "&lt;10".</summary>
    public IReadOnlyList<object?[]> Apply(ResearchResult result, out bool[] suppressedColumns)
    {
        suppressedColumns = result.Columns.Select(c => result.Aggregate && IsCountColumn(c)).ToArray();
        if (!suppressedColumns.Any(s => s)) return result.Rows;
        var columns = suppressedColumns;
        return result.Rows.Select(row => row.Select((v, i) =>
            columns[i] && v is not null && Suppresses(ToLong(v)) ? Marker : v).ToArray()).ToList();
    }

    private static long ToLong(object value) => value switch
    {
        BigInteger big => big > long.MaxValue ? long.MaxValue : (long)big,
        ulong u => u > long.MaxValue ? long.MaxValue : (long)u,
        _ => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
    };
}
