using Analytics.Warehouse.Storage;

namespace Analytics.Warehouse.Facts;

/// <summary>The embedded SQL that fills the snapshot facts (Facts/*.sql) and the schema script that creates them.</summary>
internal static class FactScripts
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Scripts =
        new(() => SchemaScripts.Read("Facts").ToDictionary(s => s.Name, s => s.Sql, StringComparer.Ordinal));

    private static readonly Lazy<string> Tables =
        new(() => SchemaScripts.Read("Schema").Single(s => s.Name.EndsWith("_snapshot_facts.sql", StringComparison.Ordinal)).Sql);

    /// <summary>Schema/040_snapshot_facts.sql: every fact table, CREATE TABLE IF NOT EXISTS.</summary>
    public static string TablesScript => Tables.Value;

    /// <summary>One script of the Facts folder by file name, e.g. "snapshots.sql".</summary>
    public static string Get(string fileName) => Scripts.Value[fileName];
}
