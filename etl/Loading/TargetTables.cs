using Analytics.Etl.Extracts;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>What the appender map knows while it writes one row: the file's load, the row's line and person key.</summary>
public sealed class AppendContext(long loadId)
{
    public long LoadId { get; } = loadId;

    public int LineNumber { get; set; }

    /// <summary>The keyed hash of the row's ID number (rows that name a person), else null.</summary>
    public string? PersonKey { get; set; }
}

/// <summary>One column of a target table as an appender map writes it: its name, DuckDB type, and how a row fills it.</summary>
public sealed record TargetColumn<TRow>(string Name, string Type, Action<IDuckDBAppenderRow, TRow, AppendContext> Append);

/// <summary>
/// The tables a load appends to, checked against the warehouse before any file is read (as DuckDB.NET's mapped
/// appender checks its map when it is created): every column in table order, with its type. A schema script and an
/// appender map that disagree fail at the start of a load, naming the table and column, never halfway through a file.
/// </summary>
internal static class TargetTables
{
    /// <summary>person: one row per person, the latest load's masked forms (031_person_minimal.sql).</summary>
    public static readonly IReadOnlyList<(string Name, string Type)> Person =
        [("person_key", "VARCHAR"), ("id_masked", "VARCHAR"), ("name_masked", "VARCHAR"), ("gender", "VARCHAR"), ("birth_year", "INTEGER"), ("load_id", "BIGINT")];

    /// <summary>load_message: quarantined rows (severity error) and notices on loaded rows (warning) (030_load_message.sql).</summary>
    public static readonly IReadOnlyList<(string Name, string Type)> LoadMessage =
    [
        ("load_id", "BIGINT"), ("file_name", "VARCHAR"), ("line_number", "INTEGER"), ("column_name", "VARCHAR"), ("reason_zh", "VARCHAR"),
        ("reason_en", "VARCHAR"), ("severity", "VARCHAR"),
    ];

    /// <summary>Every table a load appends to and the shape its appender map writes.</summary>
    public static IEnumerable<(string Table, IReadOnlyList<(string Name, string Type)> Shape)> All() =>
        ExtractKinds.All.Select(k => (k.Target.Table, k.TargetShape)).Append(("person", Person)).Append(("load_message", LoadMessage));

    /// <summary>Throws <see cref="InvalidOperationException"/> naming the first table whose columns differ from its map.</summary>
    public static void Verify(DuckDBConnection connection)
    {
        foreach (var (table, shape) in All())
        {
            var actual = Columns(connection, table);
            if (actual.SequenceEqual(shape)) continue;
            throw new InvalidOperationException(
                $"仓库表 {table} 的列与加载程序的列映射不一致，未读取任何文件 / The warehouse table {table} does not match the loader's appender map, "
                + $"so no file was read: {Difference(shape, actual)}. Add a schema script (warehouse/Schema) that gives the table these columns, "
                + "or fix the kind's AppenderMap (docs/architecture.md, \"adding a column\").");
        }
    }

    private static string Difference(IReadOnlyList<(string Name, string Type)> expected, IReadOnlyList<(string Name, string Type)> actual)
    {
        for (var i = 0; i < Math.Max(expected.Count, actual.Count); i++)
        {
            var e = i < expected.Count ? $"{expected[i].Name} {expected[i].Type}" : "(none)";
            var a = i < actual.Count ? $"{actual[i].Name} {actual[i].Type}" : "(none)";
            if (e != a) return $"column {i + 1} is {a} in the table but {e} in the map";
        }

        return "the columns differ";
    }

    private static List<(string Name, string Type)> Columns(DuckDBConnection connection, string table)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT column_name, data_type FROM duckdb_columns() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = $table ORDER BY column_index";
        cmd.Parameters.Add(new DuckDBParameter("table", table));
        using var reader = cmd.ExecuteReader();
        var columns = new List<(string, string)>();
        while (reader.Read()) columns.Add((reader.GetString(0), reader.GetString(1)));
        return columns;
    }
}
