using DuckDB.NET.Data;

namespace Analytics.Warehouse.Storage;

/// <summary>The warehouse_identity row (schema 050), read so that a file from before it (e.g. a read-only copy) still works.</summary>
internal static class WarehouseIdentity
{
    /// <summary>The random id made with the warehouse, or null for a file from before schema 050.</summary>
    public static string? Id(DuckDBConnection connection) =>
        Exists(connection) ? connection.Scalar("SELECT max(warehouse_id) FROM warehouse_identity") as string : null;

    /// <summary>The fingerprint of the person key the warehouse's people are keyed with, or null when none is recorded.</summary>
    public static string? KeyFingerprint(DuckDBConnection connection) =>
        Exists(connection) ? connection.Scalar("SELECT max(person_key_fingerprint) FROM warehouse_identity") as string : null;

    private static bool Exists(DuckDBConnection connection) => Convert.ToInt64(connection.Scalar(
        "SELECT count(*) FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main' AND table_name = 'warehouse_identity'"),
        System.Globalization.CultureInfo.InvariantCulture) > 0;
}
