namespace Analytics.Warehouse.Storage;

/// <summary>Another process holds the warehouse file (DuckDB allows one writing process).</summary>
public sealed class WarehouseLockedException(string path, Exception inner)
    : Exception(
        $"The warehouse file {path} is in use by another process (most likely the dashboard, which owns it while it runs). " +
        "Stop that process, or drop the files into the dashboard's inbox (data/inbox/) and let its scheduled job load them, " +
        "or use --db to point at another file; for queries, use the dashboard's SQL page (查询 SQL). / " +
        "仓库文件正被另一个进程占用（多半是正在运行的仪表盘）。请先停止该进程，或把文件放入收件箱 data/inbox/ 由定时任务加载，" +
        "或用 --db 指定其他文件；查询请用看板的“查询 SQL”页面。",
        inner)
{
    public string WarehousePath { get; } = path;

    internal static bool IsLockError(Exception e) =>
        e.Message.Contains("Could not set lock", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("Conflicting lock", StringComparison.OrdinalIgnoreCase);
}
