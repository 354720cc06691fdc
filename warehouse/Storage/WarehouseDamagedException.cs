using DuckDB.NET.Data;

namespace Analytics.Warehouse.Storage;

/// <summary>
/// The warehouse file (or its write-ahead log) cannot be read: says in Chinese and English what is wrong and how to
/// get back — the `restore` command lists the nightly backups and restores one — instead of DuckDB's own text.
/// </summary>
public sealed class WarehouseDamagedException(string path, Exception inner) : Exception(Describe(path, inner.Message), inner)
{
    public string WarehousePath { get; } = path;

    /// <summary>DuckDB's messages for a file or WAL it cannot read (not a lock, not a missing permission).</summary>
    public static bool IsDamage(Exception e) =>
        e is DuckDBException && !WarehouseLockedException.IsLockError(e) && !IsPermissionError(e) && Problem(e.Message) is not null;

    internal static bool IsPermissionError(Exception e) =>
        e.Message.Contains("Permission denied", StringComparison.OrdinalIgnoreCase)
        || e.Message.Contains("Read-only file system", StringComparison.OrdinalIgnoreCase);

    private static (string Zh, string En)? Problem(string message) =>
        message.Contains("WAL", StringComparison.Ordinal)
            ? ("预写日志文件（.wal）损坏", "its write-ahead log (.wal) is damaged")
        : message.Contains("not a valid DuckDB database file", StringComparison.OrdinalIgnoreCase)
            ? ("不是有效的 DuckDB 数据库文件（可能为空、被截断、被覆盖，或根本不是仓库文件）", "it is not a valid DuckDB database file (empty, truncated, overwritten, or not a warehouse at all)")
        : message.Contains("Could not read enough bytes", StringComparison.OrdinalIgnoreCase)
            ? ("文件被截断（比记录的短）", "the file is truncated (shorter than it records)")
        : message.Contains("checksum", StringComparison.OrdinalIgnoreCase) || message.Contains("Corrupt", StringComparison.OrdinalIgnoreCase)
            ? ("数据块校验失败（文件内容已损坏）", "a block failed its checksum (the file's content is corrupt)")
        : message.Contains("Serialization Error", StringComparison.OrdinalIgnoreCase) || message.Contains("INTERNAL Error", StringComparison.OrdinalIgnoreCase)
            ? ("文件内容无法解读", "its content cannot be read back")
        : null;

    private static string Describe(string path, string detail)
    {
        var (zh, en) = Problem(detail) ?? ("无法读取", "it cannot be read");
        var wal = detail.Contains("WAL", StringComparison.Ordinal);
        var restore = $"dotnet run --project etl -- restore --db \"{path}\"";
        return $"仓库文件损坏，无法打开：{path}（{zh}）。恢复办法：先停止看板；运行 {restore} 列出夜间备份，" +
            $"再加 --backup <备份文件名> 恢复其中一份（损坏的文件改名保留在旁边）；然后把该备份之后收到的数据文件重新加载一次。" +
            (wal ? $"也可以只把 {path}.wal 移走再打开：这只会丢失最后一次检查点之后的改动。" : "") +
            $" / The warehouse file is damaged and cannot be opened: {path} ({en}). To recover: stop the dashboard; run {restore} " +
            "to list the nightly backups, then add --backup <backup file name> to restore one (the damaged file is kept aside, renamed); " +
            "then load again the extract files received after that backup." +
            (wal ? $" Alternatively move only {path}.wal aside and open again: that loses just the changes since the last checkpoint." : "") +
            $" (DuckDB: {detail})";
    }
}
