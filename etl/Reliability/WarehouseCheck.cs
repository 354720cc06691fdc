using System.Globalization;
using System.Text;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;

namespace Analytics.Etl.Reliability;

/// <summary>
/// Checks a warehouse file from the outside, by its tables only: it opens, every table reads through (DuckDB verifies
/// each block's checksum), no data row belongs to a load that did not finish (all-or-nothing), and a digest of the
/// data (without load ids, which differ between runs) to compare two warehouses.
/// </summary>
internal static class WarehouseCheck
{
    public static readonly string[] DataTables =
        ["org_unit", "org_unit_history", "person", "roster_snapshot", "roster_entry", "exam_result", "appraisal", "post_quota", "demo_site"];

    private static readonly string[] ReportTables = ["quarantine", "load_notice"];

    /// <summary>Problems found (none: intact).</summary>
    public static IReadOnlyList<string> Problems(string path)
    {
        var problems = new List<string>();
        try
        {
            using var connection = Open(path);
            foreach (var table in Tables(connection))
                connection.Scalar($"SELECT count(*), sum(hash(t)) FROM \"{table}\" t"); // reads every block
            foreach (var table in DataTables)
            {
                var orphans = Convert.ToInt64(connection.Scalar(
                    $"SELECT count(*) FROM {table} WHERE load_id NOT IN (SELECT load_id FROM load_run WHERE outcome = 'loaded')"), CultureInfo.InvariantCulture);
                if (orphans > 0) problems.Add($"{table}: {orphans} rows of a load that did not finish");
            }
            foreach (var table in ReportTables)
            {
                var orphans = Convert.ToInt64(connection.Scalar(
                    $"SELECT count(*) FROM {table} WHERE load_id NOT IN (SELECT load_id FROM load_run)"), CultureInfo.InvariantCulture);
                if (orphans > 0) problems.Add($"{table}: {orphans} rows of an unrecorded load");
            }
        }
        catch (DuckDBException e)
        {
            problems.Add("does not open or read: " + e.Message);
        }
        return problems;
    }

    /// <summary>Rows and an order-free hash of every data and report table, load ids left out.</summary>
    public static string Digest(string path)
    {
        using var connection = Open(path);
        var text = new StringBuilder();
        foreach (var table in DataTables.Concat(ReportTables))
        {
            var row = connection.Scalar($"SELECT count(*) || ':' || coalesce(CAST(sum(hash(x)) AS VARCHAR), '0') FROM (SELECT * EXCLUDE (load_id) FROM {table}) x");
            text.Append(table).Append('=').Append(row).Append(' ');
        }
        return text.ToString().TrimEnd();
    }

    /// <summary>Outcome and rows loaded of each file the warehouse looked at, by file name (the last load of each).</summary>
    public static IReadOnlyDictionary<string, (string Outcome, long RowsLoaded)> Loads(string path)
    {
        using var connection = Open(path);
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT file_name, outcome, rows_loaded FROM load_run ORDER BY load_id";
        using var reader = cmd.ExecuteReader();
        var loads = new Dictionary<string, (string, long)>(StringComparer.Ordinal);
        while (reader.Read()) loads[reader.GetString(0)] = (reader.GetString(1), Convert.ToInt64(reader.GetValue(2), CultureInfo.InvariantCulture));
        return loads;
    }

    private static DuckDBConnection Open(string path)
    {
        var connection = new DuckDBConnection($"Data Source={path};ACCESS_MODE=READ_ONLY");
        connection.Open();
        return connection;
    }

    private static List<string> Tables(DuckDBConnection connection)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() AND NOT internal ORDER BY 1";
        using var reader = cmd.ExecuteReader();
        var tables = new List<string>();
        while (reader.Read()) tables.Add(reader.GetString(0));
        return tables;
    }
}
