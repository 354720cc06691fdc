using System.Data;

namespace Analytics.Dashboards.WarehouseReads;

/// <summary>Typed reads of DuckDB columns by name (DuckDB returns BIGINT/HUGEINT for sums and counts).</summary>
internal static class RecordExtensions
{
    public static string Text(this IDataRecord r, string column) =>
        r[column] is DBNull ? "" : Convert.ToString(r[column], System.Globalization.CultureInfo.InvariantCulture) ?? "";

    public static string? TextOrNull(this IDataRecord r, string column) =>
        r[column] is DBNull ? null : Convert.ToString(r[column], System.Globalization.CultureInfo.InvariantCulture);

    public static long Long(this IDataRecord r, string column) => r[column] switch
    {
        DBNull => 0,
        System.Numerics.BigInteger big => (long)big,
        var other => Convert.ToInt64(other, System.Globalization.CultureInfo.InvariantCulture),
    };

    public static double? Double(this IDataRecord r, string column) => r[column] switch
    {
        DBNull => null,
        System.Numerics.BigInteger big => (double)big,
        var other => Convert.ToDouble(other, System.Globalization.CultureInfo.InvariantCulture),
    };

    public static bool Bool(this IDataRecord r, string column) =>
        r[column] is not DBNull && Convert.ToBoolean(r[column], System.Globalization.CultureInfo.InvariantCulture);

    public static DateOnly? Date(this IDataRecord r, string column) => r[column] switch
    {
        DBNull => null,
        DateOnly d => d,
        DateTime dt => DateOnly.FromDateTime(dt),
        var other => DateOnly.FromDateTime(Convert.ToDateTime(other, System.Globalization.CultureInfo.InvariantCulture)),
    };

    public static DateTime? Timestamp(this IDataRecord r, string column) => r[column] switch
    {
        DBNull => null,
        DateTime dt => dt,
        var other => Convert.ToDateTime(other, System.Globalization.CultureInfo.InvariantCulture),
    };
}
