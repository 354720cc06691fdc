using Analytics.Dashboards.WarehouseReads;
using Analytics.Warehouse.Facts;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Tests.Support;

/// <summary>A real warehouse file in its own temp folder (schema and whatever metric scripts the warehouse ships).</summary>
internal sealed class TestWarehouse : IDisposable
{
    /// <summary>Inbox, archive, rejected and backups of the host's scheduled jobs, beside the test's warehouse file.</summary>
    public static string[] SchedulingArgs(string warehousePath)
    {
        var folder = Path.GetDirectoryName(warehousePath)!;
        return [$"--Scheduling:Inbox={folder}/inbox", $"--Scheduling:Archive={folder}/archive",
                $"--Scheduling:Rejected={folder}/rejected", $"--Scheduling:Backups={folder}/backups"];
    }

    public TestWarehouse()
    {
        Folder = Path.Combine(Path.GetTempPath(), "analytics-dash-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Folder);
        Options = new WarehouseOptions { Path = Path.Combine(Folder, "warehouse.duckdb"), PersonKey = "test-key" };
        Connections = new WarehouseConnections(new WarehouseDatabase(Options));
    }

    public string Folder { get; }
    public WarehouseOptions Options { get; }
    public WarehouseConnections Connections { get; }

    /// <summary>Runs a statement with $name parameters given as (name, value) pairs, then rebuilds the snapshot facts (as a load does).</summary>
    public void Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Connections.Open();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = sql;
            foreach (var (name, value) in parameters) command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
            command.ExecuteNonQuery();
        }
        SnapshotFacts.RebuildAll(connection);
    }

    public long Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var connection = Connections.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.Add(new DuckDBParameter(name, value ?? DBNull.Value));
        return command.ExecuteScalar() switch
        {
            System.Numerics.BigInteger big => (long)big,
            var value => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    /// <summary>A small Chengdu: 锦江区 with one 街道, two 社区 and a 建制村; 新津区 with one 镇; two roster snapshots.</summary>
    public TestWarehouse WithOrganisation()
    {
        Execute("""
            INSERT INTO org_unit (code, name, kind, level, parent_code, district_code, load_id) VALUES
              ('510104', '锦江区', '区', 'district', NULL, '510104', 1),
              ('510104020', '春熙路街道', '街道', 'town', '510104', '510104', 1),
              ('510104020001', '和平社区', '社区', 'community', '510104020', '510104', 1),
              ('510104020002', '春熙社区', '社区', 'community', '510104020', '510104', 1),
              ('510104020201', '三圣村', '建制村', 'community', '510104020', '510104', 1),
              ('510132', '新津区', '区', 'district', NULL, '510132', 1),
              ('510132100', '花源镇', '镇', 'town', '510132', '510132', 1);
            INSERT INTO roster_snapshot VALUES ('2022-12-31', 2, '2022年花名册.csv', 10), ('2023-06-30', 3, '2023年花名册.csv', 12);
            """);
        return this;
    }

    public void Dispose()
    {
        Connections.Dispose();
        try { Directory.Delete(Folder, recursive: true); } catch (IOException) { }
    }
}
