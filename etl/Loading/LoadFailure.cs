using DuckDB.NET.Data;

namespace Analytics.Etl.Loading;

/// <summary>
/// What happens when a file's load fails for a fault (a full disk, too little memory, a file that vanished): the
/// transaction is given up without hiding the original error (after a failed COMMIT, DuckDB has already rolled back
/// and Rollback() throws "Transaction has already been finished"), and the reason says in Chinese and English what
/// happened and what to do.
/// </summary>
internal static class LoadFailure
{
    /// <summary>Rolls back what is left of the transaction; an error here (the transaction is already over) is not the story.</summary>
    public static void GiveUp(DuckDBTransaction transaction)
    {
        try
        {
            transaction.Rollback();
        }
        catch (Exception e) when (e is InvalidOperationException or DuckDBException)
        {
            // Already finished (a failed commit rolls back by itself) or the connection is gone: nothing was written.
        }
    }

    public static void Dispose(DuckDBTransaction transaction)
    {
        try
        {
            transaction.Dispose();
        }
        catch (Exception e) when (e is InvalidOperationException or DuckDBException)
        {
            // See GiveUp.
        }
    }

    public static string ReasonZh(Exception e) =>
        $"加载失败，本文件没有任何内容入库，仓库保持加载前的状态。原因：{Cause(e)}。"
        + "请先排除原因（如磁盘空间或内存不足）再重新加载该文件；文件留在原处（收件箱中的文件会在下次扫描时重试）。";

    public static string ReasonEn(Exception e) =>
        $"the load failed and the warehouse was left unchanged: nothing of this file was stored. Cause: {Cause(e)}. "
        + "Remove the cause (e.g. free disk space or memory) and load the file again; it was left where it is "
        + "(a file in the inbox is retried at the next scan).";

    /// <summary>The error's own first line (DuckDB appends tuning advice after it).</summary>
    private static string Cause(Exception e) => e.Message.Split('\n', 2)[0].Trim();
}
