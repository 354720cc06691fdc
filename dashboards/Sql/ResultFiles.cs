using System.Globalization;
using System.Numerics;
using Analytics.Etl.Querying;
using Analytics.Warehouse.Exports;
using Analytics.Warehouse.Research;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Sql;

/// <summary>
/// Writes a research result as CSV (UTF-8 with BOM, through ExportCsv) or Parquet. The application writes the file, never the user's SQL:
/// Parquet goes through an in-memory DuckDB of our own (appender + COPY to a temp file of ours). Counts of aggregates
/// below the suppression threshold are written as "&lt;10".
/// </summary>
internal static class ResultFiles
{
    /// <summary>The product's one CSV writer (<see cref="ExportCsv"/>): formula-like text neutralised, numbers kept.</summary>
    public static byte[] Csv(ResearchResult result, SmallNumberSuppression suppression) =>
        ExportCsv.ToBytes(result.Columns.Select(c => c.Name).ToList(), suppression.Apply(result, out _));

    public static byte[] Parquet(ResearchResult result, SmallNumberSuppression suppression)
    {
        var rows = suppression.Apply(result, out var suppressed);
        var types = result.Columns.Select((c, i) => suppressed[i] ? "VARCHAR" : TypeOf(c.ClrType)).ToArray();
        var file = Path.Combine(Path.GetTempPath(), "analytics-export-" + Guid.NewGuid().ToString("N") + ".parquet");
        try
        {
            using (var db = new DuckDBConnection("Data Source=:memory:"))
            {
                db.Open();
                Execute(db, "CREATE TABLE export (" + string.Join(", ", result.Columns.Select((c, i) => $"{Identifier(c.Name, i)} {types[i]}")) + ")");
                using (var appender = db.CreateAppender("export"))
                {
                    foreach (var row in rows)
                    {
                        var line = appender.CreateRow();
                        for (var i = 0; i < row.Length; i++) Append(line, types[i], row[i]);
                        line.EndRow();
                    }
                }
                // The path is our own temp file name (no user text), quoted as a SQL string literal.
                Execute(db, $"COPY export TO '{file}' (FORMAT parquet)");
            }
            return File.ReadAllBytes(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Identifier(string name, int index) =>
        "\"" + (string.IsNullOrEmpty(name) ? $"column{index + 1}" : name.Replace("\"", "\"\"", StringComparison.Ordinal)) + "\"";

    private static string TypeOf(Type type) =>
        type == typeof(long) || type == typeof(int) || type == typeof(short) || type == typeof(byte) || type == typeof(sbyte)
            || type == typeof(ushort) || type == typeof(uint) ? "BIGINT"
        : type == typeof(ulong) || type == typeof(BigInteger) ? "HUGEINT"
        : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? "DOUBLE"
        : type == typeof(bool) ? "BOOLEAN"
        : type == typeof(DateOnly) ? "DATE"
        : type == typeof(DateTime) ? "TIMESTAMP"
        : "VARCHAR";

    private static void Append(DuckDB.NET.Data.IDuckDBAppenderRow line, string type, object? value)
    {
        if (value is null) { line.AppendNullValue(); return; }
        switch (type)
        {
            case "BIGINT": line.AppendValue(Convert.ToInt64(value, CultureInfo.InvariantCulture)); break;
            case "HUGEINT": line.AppendValue(value is BigInteger big ? big : new BigInteger(Convert.ToUInt64(value, CultureInfo.InvariantCulture))); break;
            case "DOUBLE": line.AppendValue(Convert.ToDouble(value, CultureInfo.InvariantCulture)); break;
            case "BOOLEAN": line.AppendValue((bool)value); break;
            case "DATE": line.AppendValue((DateOnly)value); break;
            case "TIMESTAMP": line.AppendValue((DateTime)value); break;
            default: line.AppendValue(value as string ?? QueryResultWriter.Text(value)); break;
        }
    }

    private static void Execute(DuckDBConnection db, string sql)
    {
        using var command = db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
