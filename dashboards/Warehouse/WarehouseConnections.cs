using System.Data;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Warehouse;

/// <summary>
/// The dashboard's queries: the <see cref="WarehouseDatabase"/> holds the file for the life of the process (schema and
/// metric macros in place); every query gets its own connection to the same database through it.
/// </summary>
internal sealed class WarehouseConnections : IDisposable
{
    public WarehouseConnections(WarehouseDatabase database)
    {
        Database = database;
        database.Hold();
    }

    public WarehouseDatabase Database { get; }

    /// <summary>A new open connection to the same database (dispose it).</summary>
    public DuckDBConnection Open() => Database.Open();

    /// <summary>Runs a query with $name parameters and maps every row.</summary>
    public IReadOnlyList<T> Query<T>(string sql, Func<IDataRecord, T> map, params DuckDBParameter[] parameters)
    {
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var parameter in parameters) command.Parameters.Add(parameter);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    /// <summary>The single row of a query, or default when it returns none.</summary>
    public T? Single<T>(string sql, Func<IDataRecord, T> map, params DuckDBParameter[] parameters) =>
        Query(sql, map, parameters).FirstOrDefault();

    public void Dispose() => Database.Dispose();
}
