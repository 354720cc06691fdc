using System.Globalization;
using DuckDB.NET.Data;
using Microsoft.Extensions.Options;

namespace Analytics.Dashboards.WarehouseReads;

/// <summary>"ReadOnly" section (or <c>--read-only FILE</c>): serve a published copy of the warehouse, read-only.</summary>
internal sealed class ReadOnlyServingOptions
{
    public const string Section = "ReadOnly";

    /// <summary>The published copy (written by <c>etl publish</c>). Empty: this process owns the warehouse and loads it.</summary>
    public string? Path { get; set; }

    /// <summary>This process's own small writable file (audit log, saved queries). Default: one per process in the temp folder.</summary>
    public string? LocalPath { get; set; }

    /// <summary>How often the copy's version marker is checked for a newer publication.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public bool Enabled => !string.IsNullOrWhiteSpace(Path);

    public string FullPath => System.IO.Path.GetFullPath(Path!);

    public string LocalFullPath => System.IO.Path.GetFullPath(string.IsNullOrWhiteSpace(LocalPath)
        ? System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"analytics-replica-{Environment.ProcessId}.duckdb")
        : LocalPath);

    /// <summary>The marker <c>etl publish</c> writes beside the copy once it is in place (its text changes with each publication).</summary>
    public static string MarkerOf(string copyPath) => Analytics.Etl.Publishing.ReadOnlyCopy.MarkerOf(copyPath);
}

internal sealed class ReadOnlyServingOptionsValidator : IValidateOptions<ReadOnlyServingOptions>
{
    public ValidateOptionsResult Validate(string? name, ReadOnlyServingOptions options) =>
        !options.Enabled ? ValidateOptionsResult.Success
        : !File.Exists(options.FullPath) ? ValidateOptionsResult.Fail(
            $"只读副本不存在：{options.FullPath}（先运行 etl publish） / ReadOnly:Path (--read-only) names no file: {options.FullPath} (run etl publish first)")
        : options.PollInterval < TimeSpan.FromMilliseconds(100) ? ValidateOptionsResult.Fail("ReadOnly:PollInterval must be at least 100 ms")
        : ValidateOptionsResult.Success;
}

/// <summary>
/// A read-only replica's view of the warehouse: a small writable file of its own (audit log, saved queries) with the
/// published copy ATTACHed READ_ONLY behind it on the search path, so every query reads the copy unchanged and the
/// few writes land locally. A newer publication (a new file renamed over the old, a new marker) is attached under a
/// new name and new connections read it; the one before is detached at the next swap. Any number of processes can
/// serve the same copy: none of them writes it.
/// </summary>
internal sealed class PublishedCopy(ReadOnlyServingOptions options) : IDisposable
{
    private readonly Lock swapping = new();
    private DuckDBConnection? owner;
    private string localCatalog = "";
    private string? previousAlias;
    private int generation;

    /// <summary>The catalog name the current copy is attached under (published_1, published_2, ...).</summary>
    public string Alias { get; private set; } = "";

    /// <summary>The marker text of the copy being served (null before the first attach).</summary>
    public string? ServedVersion { get; private set; }

    /// <summary>Opens the local file (creating its two tables) and attaches the current copy; returns the owner connection.</summary>
    public DuckDBConnection OpenOwner()
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(options.LocalFullPath)!);
        owner = new DuckDBConnection($"Data Source={options.LocalFullPath}");
        owner.Open();
        localCatalog = Convert.ToString(Scalar(owner, "SELECT current_database()"), CultureInfo.InvariantCulture)!;
        if (Convert.ToInt64(Scalar(owner, "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND table_name = 'audit_event'"), CultureInfo.InvariantCulture) == 0)
            Execute(owner, Analytics.Warehouse.Storage.SchemaScripts.Schema(Analytics.Warehouse.Storage.SchemaScripts.AuditScript));
        SwapIfNewer();
        return owner;
    }

    /// <summary>Points a new connection at the local file first, then the copy being served.</summary>
    public void Prepare(DuckDBConnection connection) =>
        Execute(connection, $"SET search_path = '{localCatalog}.main,{Alias}.main'");

    /// <summary>The publication's marker text (else the file's time and size), to tell a newer copy.</summary>
    public string CurrentVersion()
    {
        var marker = ReadOnlyServingOptions.MarkerOf(options.FullPath);
        try
        {
            if (File.Exists(marker)) return File.ReadAllText(marker).Trim();
        }
        catch (IOException)
        {
            // Being replaced this very moment: fall back to the file itself.
        }
        var info = new FileInfo(options.FullPath);
        return $"{info.LastWriteTimeUtc.Ticks}:{info.Length}";
    }

    /// <summary>Attaches the copy when its marker changed; true when connections now read a newer copy.</summary>
    public bool SwapIfNewer()
    {
        lock (swapping)
        {
            var version = CurrentVersion();
            if (version == ServedVersion || owner is null) return false;
            var alias = $"published_{++generation}";
            // The path is our own configuration, never user input; ATTACH takes no parameter.
            Execute(owner, $"ATTACH '{options.FullPath.Replace("'", "''", StringComparison.Ordinal)}' AS {alias} (READ_ONLY)");
            if (previousAlias is not null) Execute(owner, $"DETACH {previousAlias}");
            previousAlias = Alias.Length > 0 ? Alias : null;
            Alias = alias;
            ServedVersion = version;
            return true;
        }
    }

    private static object? Scalar(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => owner?.Dispose();
}
