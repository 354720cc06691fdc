using System.Data;
using System.Globalization;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.WarehouseReads;

/// <summary>
/// The dashboard's way into the warehouse. Either it owns the warehouse file (opened read-write once, schema and
/// metric macros in place, kept for the life of the process) or, as a read-only replica, a published copy
/// (<see cref="PublishedCopy"/>). Every query gets its own connection to the same database. <see cref="Query{T}"/>
/// results are kept per warehouse version in the <see cref="WarehouseResultCache"/> (when one is given): pages never
/// compute the same figures twice between two loads. <see cref="QueryLive{T}"/> reads tables that change between loads
/// (audit log, saved queries, job runs).
/// </summary>
internal sealed class WarehouseConnections : IDisposable
{
    private readonly DuckDBConnection? replicaOwner;
    private readonly WarehouseResultCache? cache;
    private readonly PublishedCopy? published;

    public WarehouseConnections(WarehouseDatabase database, WarehouseResultCache? cache = null, PublishedCopy? published = null)
    {
        Database = database;
        this.cache = cache;
        this.published = published;
        // The writer: the WarehouseDatabase holds the file (the one holder); a replica: its own local file with the copy attached.
        if (published is null) database.Hold();
        else replicaOwner = published.OpenOwner();
    }

    public WarehouseDatabase Database { get; }

    /// <summary>True when this process serves a published copy and never writes the warehouse.</summary>
    public bool ReadOnly => published is not null;

    /// <summary>A new open connection to the same database (dispose it).</summary>
    public DuckDBConnection Open()
    {
        if (replicaOwner is null || published is null) return Database.Open();
        // Same path in the same process: DuckDB.NET shares the database instance the replica's owner connection opened.
        var connection = new DuckDBConnection(replicaOwner.ConnectionString);
        connection.Open();
        published.Prepare(connection);
        return connection;
    }

    /// <summary>Runs a query with $name parameters and maps every row; the rows are kept until the warehouse changes.</summary>
    public IReadOnlyList<T> Query<T>(string sql, Func<IDataRecord, T> map, params DuckDBParameter[] parameters)
    {
        if (cache is null) return QueryLive(sql, map, parameters);
        var values = parameters.Select(p => (p.ParameterName, p.Value)).ToArray();
        return cache.GetOrAdd(Key<T>(sql, values), () => QueryLive(sql, map,
            values.Select(v => new DuckDBParameter(v.ParameterName, v.Value)).ToArray()));
    }

    /// <summary>The single row of a query, or default when it returns none (kept like <see cref="Query{T}"/>).</summary>
    public T? Single<T>(string sql, Func<IDataRecord, T> map, params DuckDBParameter[] parameters) =>
        Query(sql, map, parameters).FirstOrDefault();

    /// <summary>Runs a query now, never from the cache: for tables written between loads.</summary>
    public IReadOnlyList<T> QueryLive<T>(string sql, Func<IDataRecord, T> map, params DuckDBParameter[] parameters)
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

    /// <summary>The single row of a live query, or default when it returns none.</summary>
    public T? SingleLive<T>(string sql, Func<IDataRecord, T> map, params DuckDBParameter[] parameters) =>
        QueryLive(sql, map, parameters).FirstOrDefault();

    private static string Key<T>(string sql, (string Name, object? Value)[] values) =>
        typeof(T).FullName + "\u001f" + sql + "\u001f" + string.Join("\u001f", values.Select(v =>
            $"{v.Name}={(v.Value is null or DBNull ? "\u2400" : Convert.ToString(v.Value, CultureInfo.InvariantCulture))}"));

    public void Dispose()
    {
        if (replicaOwner is null) Database.Dispose();
        else replicaOwner.Dispose();
    }
}
