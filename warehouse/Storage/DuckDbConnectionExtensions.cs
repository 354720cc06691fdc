using DuckDB.NET.Data;

namespace Analytics.Warehouse.Storage;

/// <summary>One statement (or script) on a connection, with $name parameters bound, never spliced into the SQL.</summary>
public static class DuckDbConnectionExtensions
{
    public static int Execute(this DuckDBConnection connection, string sql, params DuckDBParameter[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this DuckDBConnection connection, string sql, params DuckDBParameter[] parameters)
    {
        using var command = Command(connection, sql, parameters);
        return command.ExecuteScalar();
    }

    private static DuckDBCommand Command(DuckDBConnection connection, string sql, DuckDBParameter[] parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var p in parameters) command.Parameters.Add(p);
        return command;
    }
}
