namespace Analytics.Warehouse.Research;

/// <summary>The research surface and its sandbox. Bound from the "Research" section.</summary>
public sealed class ResearchOptions
{
    public const string Section = "Research";

    /// <summary>
    /// The de-identified research file. Default: beside the warehouse, named after it (warehouse.duckdb →
    /// warehouse.research.duckdb), so two warehouses in one folder never share one; when that folder cannot be written
    /// (a read-only copy), a file named after the warehouse's full path in the temp folder.
    /// </summary>
    public string? Path { get; set; }

    /// <summary>A query running longer is cancelled.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Rows shown on the page.</summary>
    public int DisplayRows { get; set; } = 1_000;

    /// <summary>Rows written to an export (CSV, Parquet) and by the CLI.</summary>
    public int ExportRows { get; set; } = 100_000;

    /// <summary>DuckDB memory_limit of each sandboxed query.</summary>
    public string MemoryLimit { get; set; } = "512MB";

    /// <summary>DuckDB threads of each sandboxed query (one, so a runaway query takes at most one core).</summary>
    public int Threads { get; set; } = 1;

    /// <summary>Counts below this are shown as "&lt;10" in exported aggregates and tiles below district level.</summary>
    public int SuppressionThreshold { get; set; } = 10;

    /// <summary>
    /// The RSS ceiling of the process that runs each query (e.g. "768MB"): above it the query process is stopped. It
    /// bounds what DuckDB's memory_limit does not (e.g. one huge string). Must exceed <see cref="MemoryLimit"/>.
    /// </summary>
    public string ProcessMemoryLimit { get; set; } = "768MB";

    /// <summary>The query process to start (default: Analytics.Etl beside this application, command research-worker).</summary>
    public string? WorkerPath { get; set; }

    public string ResolvePath(string warehousePath)
    {
        if (Path is not null) return System.IO.Path.GetFullPath(Path);
        var warehouse = System.IO.Path.GetFullPath(warehousePath);
        var folder = System.IO.Path.GetDirectoryName(warehouse) ?? ".";
        var name = System.IO.Path.GetFileNameWithoutExtension(warehouse) + ".research.duckdb";
        if (FolderIsWritable(folder)) return System.IO.Path.Combine(folder, name);
        var tag = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(warehouse)))[..12];
        return System.IO.Path.Combine(System.IO.Path.GetTempPath(), "analytics-research-" + Environment.UserName, tag + "-" + name);
    }

    private static bool FolderIsWritable(string folder)
    {
        if (!Directory.Exists(folder)) return true; // created with the warehouse
        try
        {
            using (File.Create(System.IO.Path.Combine(folder, ".write-probe-" + Guid.NewGuid().ToString("N")), 1, FileOptions.DeleteOnClose)) { }
            return true;
        }
        catch (Exception e) when (e is UnauthorizedAccessException or IOException)
        {
            return false;
        }
    }

    /// <summary>A size such as "512MB", "1.5GB", "800MiB" or a number of bytes.</summary>
    public static long ParseBytes(string size)
    {
        var text = size.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        var units = new (string Suffix, long Factor)[]
        {
            ("KIB", 1L << 10), ("MIB", 1L << 20), ("GIB", 1L << 30), ("KB", 1_000), ("MB", 1_000_000), ("GB", 1_000_000_000), ("B", 1),
        };
        foreach (var (suffix, factor) in units)
            if (text.EndsWith(suffix, StringComparison.Ordinal))
                return (long)(double.Parse(text[..^suffix.Length], System.Globalization.CultureInfo.InvariantCulture) * factor);
        return long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }
}
