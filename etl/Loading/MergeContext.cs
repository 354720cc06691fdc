using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// The SQL side of one file's load, inside its transaction: statements may use $load (the file's load_id) and $file
/// (its name), always bound as parameters. Table and column names in the statements are fixed identifiers.
/// </summary>
internal sealed class MergeContext(DuckDBConnection connection, long loadId, string fileName)
{
    public DuckDBConnection Connection { get; } = connection;

    public long LoadId { get; } = loadId;

    public string FileName { get; } = fileName;

    /// <summary>The district a clerk submitted the file for ($district), or null: a file of the city.</summary>
    public string? District { get; init; }

    public int Execute(string sql)
    {
        using var command = Command(sql);
        return command.ExecuteNonQuery();
    }

    public long Count(string sql)
    {
        using var command = Command(sql);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Quarantines rows: <paramref name="select"/> gives (line_number, column_name, reason_zh, reason_en).</summary>
    public void Quarantine(string select) => Execute($"""
        INSERT INTO load_message (load_id, file_name, line_number, column_name, reason_zh, reason_en, severity)
        SELECT $load, $file, q.* , 'error' FROM ({select}) q
        """);

    private DuckDBCommand Command(string sql)
    {
        var command = Connection.CreateCommand();
        command.CommandText = sql;
        if (sql.Contains("$load", StringComparison.Ordinal)) command.Parameters.Add(new DuckDBParameter("load", LoadId));
        if (sql.Contains("$file", StringComparison.Ordinal)) command.Parameters.Add(new DuckDBParameter("file", FileName));
        if (sql.Contains("$district", StringComparison.Ordinal)) command.Parameters.Add(new DuckDBParameter("district", District));
        return command;
    }
}
