using System.Globalization;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Research;

/// <summary>
/// Builds the research file: a separate DuckDB file beside the warehouse holding only the de-identified tables of
/// <see cref="ResearchCatalog"/> and the metric macros. It is written under a temporary name from the warehouse
/// connection (ATTACH + CREATE TABLE AS), given the macros and the snapshot facts in that same DuckDB instance (so
/// within the warehouse's memory_limit), then moved into place, so a query never sees a half-built file. Rebuilt whenever the warehouse's fingerprint (loads, forecasts, settings) changes.
/// </summary>
/// <param name="salt">Secret of the research-only person key (derived from the deployment's person-hash key).</param>
public sealed class ResearchDatabase(string path, string salt, TimeProvider clock)
{
    /// <summary>Bump when the catalog's definitions change, so existing research files are rebuilt.</summary>
    private const string SurfaceVersion = "research-v3";

    private static readonly Lock BuildLock = new();

    public string FullPath { get; } = Path.GetFullPath(path);

    /// <summary>
    /// What the research file must reflect: this warehouse (its random id — another warehouse never matches, even with
    /// the same number of loads), the research key (derived from the person key), every load (count, last id and last
    /// finish), the row counts of the de-identified tables, forecast runs, scenarios and settings.
    /// </summary>
    public string Fingerprint(DuckDBConnection warehouse)
    {
        var identity = WarehouseIdentity.Id(warehouse) ?? "path:" + Convert.ToString(warehouse.Scalar(
            "SELECT coalesce(max(path), '') FROM duckdb_databases() WHERE database_name = current_database()"), CultureInfo.InvariantCulture);
        using var cmd = warehouse.CreateCommand();
        cmd.CommandText = """
            SELECT concat_ws('|',
                (SELECT coalesce(max(load_id), 0) FROM load_run),
                (SELECT count(*) FROM load_run),
                (SELECT coalesce(CAST(max(finished_at) AS VARCHAR), '') FROM load_run),
                (SELECT count(*) FROM person), (SELECT count(*) FROM roster_entry), (SELECT count(*) FROM exam_result),
                (SELECT count(*) FROM appraisal), (SELECT count(*) FROM org_unit_history), (SELECT count(*) FROM post_quota),
                (SELECT count(*) FROM demo_site),
                (SELECT coalesce(CAST(max(run_at) AS VARCHAR), '') FROM forecast_run),
                (SELECT count(*) FROM forecast_run),
                (SELECT count(*) FROM forecast_scenario),
                (SELECT coalesce(string_agg(name || '=' || value, ',' ORDER BY name), '') FROM setting))
            """;
        return string.Join('|', SurfaceVersion, identity, SaltTag, Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture));
    }

    /// <summary>Tells research keys made with different salts apart without revealing the salt.</summary>
    private string SaltTag => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("research-salt|" + salt)))[..12];

    /// <summary>The fingerprint recorded in the research file, or null when there is none (missing or unreadable).</summary>
    public string? BuiltFingerprint()
    {
        if (!File.Exists(FullPath)) return null;
        try
        {
            using var connection = new DuckDBConnection($"Data Source={FullPath};ACCESS_MODE=READ_ONLY");
            connection.Open();
            using var cmd = connection.CreateCommand();
            cmd.CommandText = "SELECT source_fingerprint FROM research_info";
            return Convert.ToString(cmd.ExecuteScalar(), CultureInfo.InvariantCulture);
        }
        catch (DuckDBException)
        {
            return null;
        }
    }

    /// <summary>Rebuilds the research file when it does not reflect the warehouse as it is now. True when rebuilt.</summary>
    public bool EnsureFresh(DuckDBConnection warehouse)
    {
        lock (BuildLock)
        {
            var fingerprint = Fingerprint(warehouse);
            if (BuiltFingerprint() == fingerprint) return false;
            Build(warehouse, fingerprint, WarehouseIdentity.Id(warehouse));
            return true;
        }
    }

    private void Build(DuckDBConnection warehouse, string fingerprint, string? warehouseId)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
        var building = FullPath + ".building-" + Guid.NewGuid().ToString("N")[..8];
        try
        {
            BuildAttached(warehouse, building, fingerprint, warehouseId);
            File.Move(building, FullPath, overwrite: true);
        }
        finally
        {
            if (File.Exists(building)) File.Delete(building);
            if (File.Exists(building + ".wal")) File.Delete(building + ".wal");
        }
    }

    /// <summary>
    /// The whole build in the warehouse connection's own DuckDB instance, the new file attached to it: the tables copied,
    /// then, with the new file as the connection's default database (USE), the views, the metric macros and the
    /// snapshot facts rebuilt over the copied (re-keyed, month-coarsened) rows. One instance means one buffer pool:
    /// the build lives within the warehouse's memory_limit (Warehouse:MemoryLimit) and spills to its temp folder,
    /// rather than opening a second instance with DuckDB's default limit (80 % of RAM) next to the warehouse's.
    /// </summary>
    private void BuildAttached(DuckDBConnection warehouse, string building, string fingerprint, string? warehouseId)
    {
        var home = Convert.ToString(warehouse.Scalar("SELECT current_database()"), CultureInfo.InvariantCulture)!;
        CreateResearchKey(warehouse);
        using (var attach = warehouse.CreateCommand())
        {
            // The path is ours (the research file's folder + a random suffix), quoted as a SQL string literal. READ_WRITE:
            // the warehouse connection may be read-only (a copy on read-only media), the new file never is.
            attach.CommandText = $"ATTACH '{building.Replace("'", "''", StringComparison.Ordinal)}' AS {BuildCatalog} (READ_WRITE)";
            attach.ExecuteNonQuery();
        }
        try
        {
            foreach (var table in ResearchCatalog.Tables.Where(t => t.Select is not null))
                Execute(warehouse, $"CREATE TABLE {BuildCatalog}.main.{table.Name} AS {table.Select}");
            Execute(warehouse, "DROP MACRO research_key");
            Execute(warehouse, "DROP TABLE research_salt");
            Execute(warehouse, $"USE {BuildCatalog}");
            try
            {
                InstallMacros(warehouse, fingerprint, warehouseId);
            }
            finally
            {
                // The catalog name is DuckDB's own (the warehouse file's stem), spliced as a quoted identifier.
                Execute(warehouse, $"USE \"{home.Replace("\"", "\"\"", StringComparison.Ordinal)}\"");
            }
            Execute(warehouse, $"CHECKPOINT {BuildCatalog}");
        }
        finally
        {
            Execute(warehouse, $"DETACH {BuildCatalog}");
            Execute(warehouse, "DROP MACRO IF EXISTS research_key");
            Execute(warehouse, "DROP TABLE IF EXISTS research_salt");
        }
    }

    /// <summary>The name the file being built is attached under in the warehouse's instance.</summary>
    private const string BuildCatalog = "research_build";

    /// <summary>research_key(k): the salted research-only person key, a temporary macro of this connection only.</summary>
    private void CreateResearchKey(DuckDBConnection warehouse)
    {
        Execute(warehouse, "CREATE OR REPLACE TEMP TABLE research_salt (salt VARCHAR)");
        using (var insert = warehouse.CreateCommand())
        {
            insert.CommandText = "INSERT INTO research_salt VALUES ($salt)";
            insert.Parameters.Add(new DuckDBParameter("salt", salt));
            insert.ExecuteNonQuery();
        }
        Execute(warehouse, "CREATE OR REPLACE TEMP MACRO research_key(k) AS left(sha256((SELECT s.salt FROM research_salt s) || k), 32)");
    }

    /// <summary>Views, metric macros, snapshot facts and research_info, over a connection whose default database is the new file.</summary>
    private void InstallMacros(DuckDBConnection connection, string fingerprint, string? warehouseId)
    {
        foreach (var view in ResearchCatalog.Views) Execute(connection, $"CREATE VIEW {view.Name} AS {view.Select}");
        SchemaScripts.ApplyMetrics(connection);
        Execute(connection, "CREATE TABLE research_info (built_at TIMESTAMP NOT NULL, warehouse_id VARCHAR, source_fingerprint VARCHAR NOT NULL)");
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "INSERT INTO research_info VALUES ($at, $id, $fingerprint)";
        cmd.Parameters.Add(new DuckDBParameter("at", clock.GetLocalNow().DateTime));
        cmd.Parameters.Add(new DuckDBParameter("id", (object?)warehouseId ?? DBNull.Value));
        cmd.Parameters.Add(new DuckDBParameter("fingerprint", fingerprint));
        cmd.ExecuteNonQuery();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }
}
