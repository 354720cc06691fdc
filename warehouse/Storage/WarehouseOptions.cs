namespace Analytics.Warehouse.Storage;

/// <summary>Where the warehouse lives and the deployment settings its SQL reads. Bound from the "Warehouse" section.</summary>
public sealed class WarehouseOptions
{
    public const string Section = "Warehouse";

    /// <summary>The DuckDB file. Default: data/warehouse.duckdb under the working directory.</summary>
    public string Path { get; set; } = System.IO.Path.Combine("data", "warehouse.duckdb");

    /// <summary>The secret key of the person hash. Else env ANALYTICS_PERSON_KEY, else <see cref="PersonKeyFile"/>.</summary>
    public string? PersonKey { get; set; }

    /// <summary>
    /// File holding the key when none is configured; a relative path is relative to the warehouse's folder (never the
    /// working directory). Default: person-key.txt beside the warehouse file, generated for a warehouse without people.
    /// </summary>
    public string? PersonKeyFile { get; set; }

    /// <summary>Hired before this date = stock (存量); on or after = new talent (增量).</summary>
    public DateOnly TalentBaseline { get; set; } = new(2020, 1, 1);

    /// <summary>
    /// DuckDB's memory limit for this process's warehouse (e.g. "512MB", "2GB"); beyond it DuckDB spills to a temp
    /// folder beside the file, so a load's memory stays bounded however large the file. Empty: DuckDB's default (80 % of RAM).
    /// </summary>
    public string? MemoryLimit { get; set; }

    /// <summary>The folder beside the warehouse file, where the key and the inbox live by default.</summary>
    public string DataFolder => System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) ?? ".";
}
