using System.Text.RegularExpressions;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// Bounds DuckDB's memory while files load, so a load's peak memory does not grow with the file: the staged rows and
/// the merge's joins and aggregates spill to the warehouse's temp folder instead. The settings belong to the whole
/// DuckDB instance (the dashboard's queries share it), so the previous values are restored when the load ends.
/// </summary>
internal sealed partial class LoadMemory : IDisposable
{
    /// <summary>
    /// DuckDB's buffer pool while a process does nothing but load. Big enough for the merge's joins over a province
    /// roster (32MB ran out of memory there); what does not fit spills to the temp folder, so the peak does not grow
    /// with the file (docs/benchmarks.md: 1× and 4× a province roster).
    /// </summary>
    internal const string OwnProcessLimit = "128MB";

    private static readonly string[] Settings = ["threads", "preserve_insertion_order"];

    private readonly DuckDBConnection connection;
    private readonly Dictionary<string, string> previous;
    private readonly string? configuredLimit;

    private LoadMemory(DuckDBConnection connection, Dictionary<string, string> previous, string? configuredLimit)
    {
        this.connection = connection;
        this.previous = previous;
        this.configuredLimit = configuredLimit;
    }

    /// <summary>Bounds the memory; <paramref name="configuredLimit"/> is Warehouse:MemoryLimit, restored after (else DuckDB's default).</summary>
    public static LoadMemory Bound(DuckDBConnection connection, string loadingLimit, string? configuredLimit)
    {
        if (!SafeValue().IsMatch(loadingLimit)) throw new ArgumentException($"not a size such as 32MB: {loadingLimit}", nameof(loadingLimit));
        configuredLimit = string.IsNullOrWhiteSpace(configuredLimit) ? null : configuredLimit.Trim();
        if (configuredLimit is not null && !SafeValue().IsMatch(configuredLimit))
            throw new InvalidOperationException($"Warehouse:MemoryLimit is not a size such as 2GB: {configuredLimit}");
        var previous = Settings.ToDictionary(s => s, s => Current(connection, s));
        var bound = new LoadMemory(connection, previous, configuredLimit);
        // The limit matched SafeValue above; one thread and no insertion-order buffers keep the spilling operators small.
        connection.Execute($"SET memory_limit = '{loadingLimit}'; SET threads = 1; SET preserve_insertion_order = false;");
        return bound;
    }

    /// <summary>Whether the text is a size DuckDB takes as a memory limit (e.g. 256MB, 1GB, 512MiB).</summary>
    internal static bool IsSize(string text) => SafeValue().IsMatch(text.Trim()) && text.Trim().EndsWith("B", StringComparison.OrdinalIgnoreCase);

    /// <summary>The current value, checked to be a plain number/size/boolean before it is ever written back.</summary>
    internal static string Current(DuckDBConnection connection, string setting)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT current_setting($name)::VARCHAR";
        cmd.Parameters.Add(new DuckDBParameter("name", setting));
        var value = Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
        if (!SafeValue().IsMatch(value)) throw new InvalidOperationException($"unexpected DuckDB setting {setting} = {value}");
        return value;
    }

    public void Dispose()
    {
        // Setting names are the fixed identifiers above; values were read from DuckDB (or configured) and matched
        // SafeValue. The memory limit is shown rounded ("18.8 GiB"), so it is reset to what the warehouse was opened with.
        foreach (var (setting, value) in previous) connection.Execute($"SET {setting} = '{value}'");
        connection.Execute(configuredLimit is null ? "RESET memory_limit" : $"SET memory_limit = '{configuredLimit}'");
    }

    [GeneratedRegex(@"^(true|false|\d+(\.\d+)?( ?[KMGTP]i?B)?)$", RegexOptions.IgnoreCase)]
    private static partial Regex SafeValue();
}
