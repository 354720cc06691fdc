namespace Analytics.Dashboards.Localization;

internal static partial class UiStrings
{
    /// <summary>The 查询 SQL console.</summary>
    private static Dictionary<string, (string, string)> Sql() => new()
    {
        ["sql.tab"] = ("查询 SQL", "SQL"),
        ["sql.title"] = ("查询 SQL", "SQL console"),
        ["sql.note"] = ("去标识研究库：假名人员键、无姓名与身份证号、仅出生年份。只允许一条只读查询。",
            "The de-identified research surface: pseudonymous person keys, no names or ID numbers, birth year only. One read-only query at a time."),
        ["sql.on_writer"] = ("本看板是只读副本，发布时没有附带研究库：请在写入方使用查询 SQL，或在写入方重新运行 etl publish。",
            "This read-only replica's copy came without a research file: use the SQL console on the writer, or run etl publish there again."),
        ["sql.run"] = ("运行", "Run"),
        ["sql.cancel"] = ("取消", "Cancel"),
        ["sql.query_name"] = ("查询名称", "Query name"),
        ["sql.save"] = ("保存", "Save"),
        ["sql.export_csv"] = ("导出 CSV", "Export CSV"),
        ["sql.export_parquet"] = ("导出 Parquet", "Export Parquet"),
        ["sql.saved"] = ("已保存", "Saved"),
        ["sql.history"] = ("历史", "History"),
        ["sql.schema"] = ("库结构", "Schema"),
        ["sql.running"] = ("正在运行…", "Running…"),
        ["sql.result"] = ("{0:N0} 行，{1:N0} 毫秒", "{0:N0} rows, {1:N0} ms"),
        ["sql.truncated"] = ("（只显示前 {0:N0} 行；导出最多 {1:N0} 行）", " (only the first {0:N0} shown; exports hold up to {1:N0})"),
        ["sql.kind.table"] = ("表", "table"),
        ["sql.kind.view"] = ("视图", "view"),
        ["sql.kind.macro"] = ("宏", "macro"),
    };
}
