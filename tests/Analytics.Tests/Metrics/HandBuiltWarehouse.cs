using System.Globalization;
using Analytics.Warehouse.Facts;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Tests.Metrics;

/// <summary>
/// A real warehouse file in its own temp folder, opened through <see cref="WarehouseDatabase"/> (schema + metric
/// scripts applied) and filled with the hand-built case of <see cref="HandBuiltCase"/>. Each test creates its own.
/// </summary>
internal sealed class HandBuiltWarehouse : IDisposable
{
    private readonly string _folder;

    private HandBuiltWarehouse(string folder, DuckDBConnection connection)
    {
        _folder = folder;
        Connection = connection;
    }

    public DuckDBConnection Connection { get; }

    /// <summary>The temp folder holding the warehouse file.</summary>
    public string Folder => _folder;

    /// <summary>An empty warehouse (schema and metrics only).</summary>
    public static HandBuiltWarehouse Empty(DateOnly? talentBaseline = null)
    {
        var folder = Path.Combine(Path.GetTempPath(), "analytics-metrics-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var options = new WarehouseOptions
        {
            Path = Path.Combine(folder, "warehouse.duckdb"),
            PersonKey = "test",
            TalentBaseline = talentBaseline ?? new DateOnly(2020, 1, 1),
        };
        return new HandBuiltWarehouse(folder, new WarehouseDatabase(options).Open());
    }

    /// <summary>The warehouse with the hand-built case loaded.</summary>
    public static HandBuiltWarehouse Create(DateOnly? talentBaseline = null)
    {
        var warehouse = Empty(talentBaseline);
        warehouse.Execute(HandBuiltCase.Sql);
        return warehouse;
    }

    /// <summary>Runs statements that write raw rows, then rebuilds the snapshot facts from them, as a load does.</summary>
    public void Execute(string sql)
    {
        using (var cmd = Connection.CreateCommand())
        {
            cmd.CommandText = sql;
            cmd.ExecuteNonQuery();
        }
        SnapshotFacts.RebuildAll(Connection);
    }

    /// <summary>Runs a query with $name parameters; each row as column name → value (DBNull → null).</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Query(string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.Add(new DuckDBParameter(name, value));
        using var reader = cmd.ExecuteReader();
        var rows = new List<IReadOnlyDictionary<string, object?>>();
        while (reader.Read())
        {
            var row = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++) row[reader.GetName(i)] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    /// <summary>The column names a query returns, in order.</summary>
    public IReadOnlyList<string> Columns(string sql, params (string Name, object Value)[] parameters)
    {
        using var cmd = Connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var (name, value) in parameters) cmd.Parameters.Add(new DuckDBParameter(name, value));
        using var reader = cmd.ExecuteReader();
        return Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToList();
    }

    /// <summary>district_progress rows at a date, keyed by district_code.</summary>
    public IReadOnlyDictionary<string, ProgressNumbers> DistrictProgress(DateOnly asOf) =>
        Query("SELECT * FROM district_progress($d)", ("d", asOf))
            .ToDictionary(r => (string)r["district_code"]!, ProgressNumbers.From);

    /// <summary>The single city_progress row at a date.</summary>
    public ProgressNumbers CityProgress(DateOnly asOf) =>
        ProgressNumbers.From(Assert.Single(Query("SELECT * FROM city_progress($d)", ("d", asOf))));

    public static long Long(object? value) => Convert.ToInt64(value, CultureInfo.InvariantCulture);

    /// <summary>Each row as its values joined by spaces (NULL for null, doubles to three places), for compact asserts.</summary>
    public static IEnumerable<string> Lines(IEnumerable<IReadOnlyDictionary<string, object?>> rows) =>
        rows.Select(r => string.Join(' ', r.Values.Select(v => v switch
        {
            null => "NULL",
            double d => d.ToString("0.###", CultureInfo.InvariantCulture),
            _ => Convert.ToString(v, CultureInfo.InvariantCulture),
        })));

    public static DateOnly Date(object? value) => value switch
    {
        DateOnly d => d,
        DateTime t => DateOnly.FromDateTime(t),
        _ => throw new InvalidCastException($"not a date: {value}"),
    };

    public void Dispose()
    {
        Connection.Dispose();
        try { Directory.Delete(_folder, recursive: true); }
        catch (IOException) { /* a temp folder left behind is harmless */ }
    }
}

/// <summary>The numeric columns of district_progress / city_progress, in the contract's order.</summary>
internal sealed record ProgressNumbers(
    long Communities, long Villages, long RequiredPosts, long QualifiedPosts, long GapPosts, long UnitsMeetingTarget,
    long DemoSites, long DemoSitesRequired, long Workers, long Professionals, long Certified, long StockCertified,
    long NewTalent)
{
    public static ProgressNumbers From(IReadOnlyDictionary<string, object?> r) => new(
        HandBuiltWarehouse.Long(r["communities"]), HandBuiltWarehouse.Long(r["villages"]),
        HandBuiltWarehouse.Long(r["required_posts"]), HandBuiltWarehouse.Long(r["qualified_posts"]),
        HandBuiltWarehouse.Long(r["gap_posts"]), HandBuiltWarehouse.Long(r["units_meeting_target"]),
        HandBuiltWarehouse.Long(r["demo_sites"]), HandBuiltWarehouse.Long(r["demo_sites_required"]),
        HandBuiltWarehouse.Long(r["workers"]), HandBuiltWarehouse.Long(r["professionals"]),
        HandBuiltWarehouse.Long(r["certified"]), HandBuiltWarehouse.Long(r["stock_certified"]),
        HandBuiltWarehouse.Long(r["new_talent"]));
}
