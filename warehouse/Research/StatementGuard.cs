using System.Text.Json;
using DuckDB.NET.Data;

namespace Analytics.Warehouse.Research;

/// <summary>What the guard found in a statement it let through.</summary>
/// <param name="Aggregate">The query groups or aggregates (its integer columns are counts to suppress on export).</param>
internal sealed record GuardedStatement(string Sql, bool Aggregate);

/// <summary>A statement the research console will not run, with the reason in Chinese and English.</summary>
public sealed class QueryRefusedException(string reasonZh, string reasonEn) : Exception($"{reasonZh} / {reasonEn}")
{
    public string ReasonZh { get; } = reasonZh;
    public string ReasonEn { get; } = reasonEn;
}

/// <summary>
/// Lets through exactly one read-only SELECT. DuckDB itself parses the text (json_serialize_sql serialises SELECT
/// statements only, so any other statement, or more than one, is refused); then every function and table in the
/// parse tree is checked: file readers, system and settings functions are denied and tables must be plain names of
/// the research file. This is defence in depth: the sandboxed connection cannot touch files or settings anyway.
/// </summary>
internal static class StatementGuard
{
    /// <summary>Functions refused by name (file and network readers, settings, environment, secrets, dynamic SQL).</summary>
    public static readonly IReadOnlySet<string> DeniedFunctions = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "read_csv", "read_csv_auto", "read_text", "read_blob", "read_json", "read_json_auto", "read_json_objects",
        "read_json_objects_auto", "read_ndjson", "read_ndjson_auto", "read_ndjson_objects", "read_parquet", "parquet_scan",
        "parquet_metadata", "parquet_schema", "parquet_file_metadata", "parquet_kv_metadata", "parquet_bloom_probe",
        "sniff_csv", "glob", "getenv", "current_setting", "which_secret", "query", "query_table", "sqlite_scan",
        "sqlite_attach", "postgres_scan", "postgres_attach", "mysql_scan", "iceberg_scan", "delta_scan", "read_xlsx",
        "load_extension", "install_extension", "checkpoint", "force_checkpoint", "enable_logging", "disable_logging",
        "read_duckdb", "json_execute_serialized_sql", "summary",
    };

    /// <summary>Prefixes of refused system functions (duckdb_settings(), duckdb_secrets(), pragma_database_list(), ...).</summary>
    private static readonly string[] DeniedPrefixes = ["duckdb_", "pragma_", "read_", "http", "s3", "sqlite", "postgres", "mysql"];

    private static readonly HashSet<string> AggregateFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "count", "count_star", "sum", "avg", "mean", "min", "max", "median", "mode", "quantile", "quantile_cont",
        "quantile_disc", "stddev", "stddev_pop", "stddev_samp", "var_pop", "var_samp", "approx_count_distinct",
        "list", "array_agg", "string_agg", "arg_max", "arg_min", "bool_and", "bool_or", "histogram", "first", "last",
    };

    /// <summary>Parses with the given (sandboxed) connection; throws <see cref="QueryRefusedException"/> when refused.</summary>
    public static GuardedStatement Check(DuckDBConnection sandbox, string sql, ISet<string> tableMacros)
    {
        if (string.IsNullOrWhiteSpace(sql))
            throw new QueryRefusedException("请输入一条查询语句。", "Enter a query.");
        using var document = Parse(sandbox, sql);
        var root = document.RootElement;
        if (root.GetProperty("error").GetBoolean())
        {
            var message = root.TryGetProperty("error_message", out var m) ? m.GetString() ?? "" : "";
            if (message.Contains("Only SELECT", StringComparison.OrdinalIgnoreCase))
                throw new QueryRefusedException("只允许一条只读查询（SELECT / WITH … SELECT）；不允许修改数据、设置、文件或扩展的语句。",
                    "Only a single read-only query (SELECT / WITH … SELECT) is allowed; statements that change data, settings, files or extensions are refused.");
            throw new QueryRefusedException("查询语句有语法错误：" + message, "The query has a syntax error: " + message);
        }
        var statements = root.GetProperty("statements");
        if (statements.GetArrayLength() != 1)
            throw new QueryRefusedException("一次只能运行一条查询语句（不允许用分号连接多条语句）。",
                "Only one statement may be run at a time (no several statements separated by semicolons).");
        var aggregate = false;
        Walk(statements[0], tableMacros, ref aggregate);
        return new GuardedStatement(sql, aggregate);
    }

    private static JsonDocument Parse(DuckDBConnection sandbox, string sql)
    {
        using var cmd = sandbox.CreateCommand();
        cmd.CommandText = "SELECT json_serialize_sql(CAST($sql AS VARCHAR))";
        cmd.Parameters.Add(new DuckDBParameter("sql", sql));
        return JsonDocument.Parse(Convert.ToString(cmd.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) ?? "{}");
    }

    private static void Walk(JsonElement node, ISet<string> tableMacros, ref bool aggregate)
    {
        switch (node.ValueKind)
        {
            case JsonValueKind.Array:
                foreach (var item in node.EnumerateArray()) Walk(item, tableMacros, ref aggregate);
                return;
            case JsonValueKind.Object:
                CheckNode(node, tableMacros, ref aggregate);
                foreach (var property in node.EnumerateObject()) Walk(property.Value, tableMacros, ref aggregate);
                return;
            default:
                return;
        }
    }

    private static void CheckNode(JsonElement node, ISet<string> tableMacros, ref bool aggregate)
    {
        if (node.TryGetProperty("function_name", out var fn) && fn.GetString() is { } name)
        {
            if (IsDenied(name))
                throw new QueryRefusedException($"研究查询不允许使用函数 {name}（不能读取文件、设置、环境变量或系统信息）。",
                    $"The function {name} is not allowed in research queries (no files, settings, environment or system information).");
            if (AggregateFunctions.Contains(name) || tableMacros.Contains(name)) aggregate = true;
        }
        if (node.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String)
        {
            if (type.GetString() == "BASE_TABLE") CheckTable(node);
            if (type.GetString() == "SELECT_NODE" && node.TryGetProperty("group_expressions", out var groups) && groups.GetArrayLength() > 0)
                aggregate = true;
        }
    }

    private static bool IsDenied(string name) =>
        DeniedFunctions.Contains(name) || DeniedPrefixes.Any(p => name.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    private static void CheckTable(JsonElement node)
    {
        var table = node.GetProperty("table_name").GetString() ?? "";
        var schema = node.TryGetProperty("schema_name", out var s) ? s.GetString() ?? "" : "";
        var catalog = node.TryGetProperty("catalog_name", out var c) ? c.GetString() ?? "" : "";
        var plainName = table.Length > 0 && table.All(ch => char.IsAsciiLetterOrDigit(ch) || ch == '_') && !char.IsAsciiDigit(table[0]);
        if (IsDenied(table))
            throw new QueryRefusedException($"研究查询不允许使用 {table}（不能读取文件、设置或系统信息）。",
                $"{table} is not allowed in research queries (no files, settings or system information).");
        if (!plainName)
            throw new QueryRefusedException($"“{table}”不是研究库中的表；不能直接读取文件。",
                $"\"{table}\" is not a table of the research surface; files cannot be read.");
        if (catalog.Length > 0 || (schema.Length > 0 && schema is not ("main" or "information_schema")))
            throw new QueryRefusedException($"只能查询研究库中的表（不允许 {catalog}{(catalog.Length > 0 ? "." : "")}{schema}.{table}）。",
                $"Only tables of the research surface may be queried (not {catalog}{(catalog.Length > 0 ? "." : "")}{schema}.{table}).");
    }
}
