using System.Data;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Warehouse;

/// <summary>
/// The dashboard owns the warehouse file: it opens it read-write once (schema and metric macros in place) and
/// keeps that connection for the life of the process; every query gets its own connection to the same database.
/// </summary>
internal sealed class WarehouseConnections : IDisposable
{
    private readonly DuckDBConnection owner;

    public WarehouseConnections(WarehouseDatabase database)
    {
        Database = database;
        owner = database.Open();
    }

    public WarehouseDatabase Database { get; }

    /// <summary>A new open connection to the same database (dispose it).</summary>
    public DuckDBConnection Open()
    {
        // Same path in the same process: DuckDB.NET shares the database instance the owner connection opened.
        var connection = new DuckDBConnection(owner.ConnectionString);
        connection.Open();
        return connection;
    }

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

    public void Dispose() => owner.Dispose();
}
