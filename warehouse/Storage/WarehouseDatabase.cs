using System.Reflection;
using Analytics.Warehouse.Facts;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// Opens the warehouse file: the first open of this instance applies the numbered schema scripts (Schema/NNN_*.sql) once each, recorded in
/// schema_version, then (re)installs every metric script (Metrics/*.sql), syncs the settings table and makes sure the
/// snapshot facts are built (a warehouse loaded before facts existed gets them here). This is the one way into the
/// warehouse for the CLI, the host and the benchmarks, and the one object that may hold its file open
/// (<see cref="Hold"/>: a host keeps it for its lifetime, so other processes are told plainly the file is in use).
/// </summary>
public sealed class WarehouseDatabase(WarehouseOptions options) : IDisposable
{
    public WarehouseOptions Options { get; } = options;

    /// <summary>
    /// One lock per file for the whole process: two instances over the same file (e.g. a command's and the person-key
    /// check's) must not install the scripts at the same moment, or DuckDB reports a catalog write-write conflict.
    /// </summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lock> PrepareLocks = new(StringComparer.Ordinal);

    private bool prepared;
    private DuckDBConnection? held;
    private readonly Lock holding = new();

    public string FullPath => Path.GetFullPath(Options.Path);

    /// <summary>
    /// Keeps one read-write connection open until <see cref="Dispose"/>, so this process owns the file (DuckDB allows one
    /// writing process). Holding twice changes nothing; every <see cref="Open"/> meanwhile shares its database instance.
    /// </summary>
    public void Hold()
    {
        lock (holding) held ??= Open();
    }

    /// <summary>Lets go of the file held by <see cref="Hold"/>.</summary>
    public void Dispose()
    {
        lock (holding)
        {
            held?.Dispose();
            held = null;
        }
    }

    /// <summary>Opens a read-write connection with schema and metrics in place.</summary>
    public DuckDBConnection Open()
    {
        // Held: same path in the same process, so DuckDB.NET shares the database instance the held connection opened.
        if (held is { } owner && prepared) return OpenRaw(owner.ConnectionString);
        Directory.CreateDirectory(Path.GetDirectoryName(FullPath)!);
        var connection = OpenRaw(ConnectionString(readOnly: false));
        try
        {
            lock (PrepareLocks.GetOrAdd(FullPath, _ => new Lock()))
            {
                if (!prepared || !File.Exists(FullPath))
                {
                    SchemaScripts.Apply(connection);
                    SchemaScripts.ApplyMetrics(connection);
                    SyncSettings(connection);
                    SnapshotFacts.EnsureCurrent(connection);
                    prepared = true;
                }
            }
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Opens the file read-only (another reader process may share it; a writer may not).</summary>
    public DuckDBConnection OpenReadOnly()
    {
        if (!File.Exists(FullPath))
        {
            // A fresh file: create it with the schema, then reopen read-only.
            using (Open()) { }
        }
        return OpenRaw(ConnectionString(readOnly: true));
    }

    /// <summary>
    /// Opens read-write, or read-only when the file cannot be written (a copy on read-only media, chmod 444):
    /// readOnly says which. Anything else (in use, damaged) is reported as by <see cref="Open"/>. Whether it can be
    /// written is learnt from DuckDB's own open, never by opening the file here: closing any other handle on the
    /// file would drop this process's lock on it (POSIX record locks belong to the process).
    /// </summary>
    public DuckDBConnection OpenWritableOrReadOnly(out bool readOnly)
    {
        readOnly = false;
        try
        {
            return Open();
        }
        catch (DuckDBException e) when (WarehouseDamagedException.IsPermissionError(e) && File.Exists(FullPath))
        {
            readOnly = true;
            return OpenRaw(ConnectionString(readOnly: true));
        }
    }

    /// <summary>The file, and DuckDB settings from the options (DuckDB.NET passes unknown keys on as DuckDB config).</summary>
    private string ConnectionString(bool readOnly)
    {
        var builder = new DuckDBConnectionStringBuilder { DataSource = FullPath };
        if (readOnly) builder["ACCESS_MODE"] = "READ_ONLY";
        if (!string.IsNullOrWhiteSpace(Options.MemoryLimit)) builder["memory_limit"] = Options.MemoryLimit.Trim();
        return builder.ConnectionString;
    }

    private DuckDBConnection OpenRaw(string connectionString)
    {
        var connection = new DuckDBConnection(connectionString);
        try
        {
            connection.Open();
            return connection;
        }
        catch (Exception e) when (WarehouseLockedException.IsLockError(e))
        {
            connection.Dispose();
            throw new WarehouseLockedException(FullPath, e);
        }
        catch (DuckDBException e) when (WarehouseDamagedException.IsDamage(e))
        {
            connection.Dispose();
            throw new WarehouseDamagedException(FullPath, e);
        }
    }

    private void SyncSettings(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "DELETE FROM setting WHERE name = 'talent_baseline'; INSERT INTO setting VALUES ('talent_baseline', $baseline);";
        cmd.Parameters.Add(new DuckDBParameter("baseline", Options.TalentBaseline.ToString("yyyy-MM-dd")));
        cmd.ExecuteNonQuery();
    }
}

/// <summary>The embedded .sql scripts of this assembly.</summary>
public static class SchemaScripts
{
    private static readonly Assembly Assembly = typeof(SchemaScripts).Assembly;

    /// <summary>The audit log's tables (audit_event, saved_query): also what a read-only replica creates in its own local file.</summary>
    public const string AuditScript = "020_audit.sql";

    /// <summary>One schema script by its file name (e.g. <see cref="AuditScript"/>).</summary>
    public static string Schema(string name) =>
        Read("Schema").SingleOrDefault(s => s.Name == name).Sql ?? throw new ArgumentException($"no schema script named {name}", nameof(name));

    /// <summary>All scripts under a folder (Schema or Metrics), in file-name order.</summary>
    public static IReadOnlyList<(string Name, string Sql)> Read(string folder) =>
        Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(folder + "/", StringComparison.Ordinal) && n.EndsWith(".sql", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = Assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n[(folder.Length + 1)..], reader.ReadToEnd());
            })
            .ToList();

    internal static void Apply(DuckDBConnection connection)
    {
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, script VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL DEFAULT current_timestamp)");
        var applied = new HashSet<int>();
        using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = "SELECT version FROM schema_version";
            using var reader = cmd.ExecuteReader();
            while (reader.Read()) applied.Add(reader.GetInt32(0));
        }
        foreach (var (name, sql) in Read("Schema"))
        {
            var version = int.Parse(name[..name.IndexOf('_')], System.Globalization.CultureInfo.InvariantCulture);
            if (applied.Contains(version)) continue;
            using var tx = connection.BeginTransaction();
            connection.Execute(sql);
            using (var cmd = connection.CreateCommand())
            {
                cmd.CommandText = "INSERT INTO schema_version (version, script) VALUES ($v, $s)";
                cmd.Parameters.Add(new DuckDBParameter("v", version));
                cmd.Parameters.Add(new DuckDBParameter("s", name));
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
    }

    /// <summary>The metric macros, over the snapshot facts: the fact tables first (the macros bind to them), then the
    /// macros, then the facts built if they are missing or were built by another version of their definitions.</summary>
    internal static void ApplyMetrics(DuckDBConnection connection)
    {
        SnapshotFacts.EnsureTables(connection);
        foreach (var (_, sql) in Read("Metrics")) connection.Execute(sql);
        SnapshotFacts.EnsureCurrent(connection);
    }
}
