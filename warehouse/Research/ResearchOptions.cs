namespace Analytics.Warehouse.Research;

/// <summary>The research surface and its sandbox. Bound from the "Research" section.</summary>
internal sealed class ResearchOptions
{
    public const string Section = "Research";

    /// <summary>The de-identified research file. Default: research.duckdb beside the warehouse file.</summary>
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

    public string ResolvePath(string warehousePath) =>
        System.IO.Path.GetFullPath(Path ?? System.IO.Path.Combine(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(warehousePath)) ?? ".", "research.duckdb"));
}
