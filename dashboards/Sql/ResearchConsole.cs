using System.Collections.Concurrent;
using Analytics.Dashboards.Audit;
using Analytics.Dashboards.WarehouseReads;
using Analytics.Warehouse.Research;
using DuckDB.NET.Data;

namespace Analytics.Dashboards.Sql;

/// <summary>What became of one console query: the result, or the outcome and its message.</summary>
internal sealed record ConsoleOutcome(ResearchResult? Result, string Outcome, string? MessageZh = null, string? MessageEn = null);

/// <summary>
/// The dashboard side of the research engine: one query at a time per user, the research file brought up to date
/// with the warehouse first, every query and export recorded in the audit log.
/// </summary>
internal sealed class ResearchConsole(ResearchSurface surface, WarehouseConnections warehouse, AuditLog audit)
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> running = new(StringComparer.OrdinalIgnoreCase);

    public ResearchOptions Options => surface.Options;

    public SmallNumberSuppression Suppression => new(surface.Options.SuppressionThreshold);

    /// <summary>
    /// False on a read-only replica whose copy came without its research file (a publication older than this version):
    /// research SQL then runs on the writer. A replica never builds a research file: it reads the one published beside the copy.
    /// </summary>
    public bool Available => !warehouse.ReadOnly || File.Exists(surface.Database.FullPath);

    /// <summary>Brings the research file up to date (cheap when nothing changed); on a replica the publication does that.</summary>
    public void Refresh()
    {
        if (warehouse.ReadOnly) return;
        using var connection = warehouse.Open();
        surface.Refresh(connection);
    }

    private static (string Zh, string En) Halves(string message)
    {
        var at = message.IndexOf(" / ", StringComparison.Ordinal);
        return at < 0 ? (message, message) : (message[..at], message[(at + 3)..]);
    }

    public ConsoleOutcome Run(string user, string sql, int maxRows, CancellationToken cancel, string kind = AuditLog.Query, string? exportFormat = null)
    {
        var gate = running.GetOrAdd(user, _ => new SemaphoreSlim(1, 1));
        var detail = exportFormat is null ? sql : $"[{exportFormat}] {sql}";
        if (!gate.Wait(0))
        {
            audit.Record(user, kind, "refused", detail);
            return new ConsoleOutcome(null, "refused", "您已有一条查询在运行，请等它结束或取消。", "You have a query running already: wait for it or cancel it.");
        }
        try
        {
            if (!Available)
            {
                audit.Record(user, kind, "refused", detail);
                return new ConsoleOutcome(null, "refused", "本看板是只读副本，发布时没有附带研究库：请在写入方使用查询 SQL，或重新运行 etl publish。",
                    "This read-only replica's copy came without a research file: use the SQL console on the writer, or run etl publish again.");
            }
            Refresh();
            var result = surface.Runner.Run(sql, maxRows, cancel);
            audit.Record(user, kind, "ok", detail, result.Elapsed, result.Rows.Count);
            return new ConsoleOutcome(result, "ok");
        }
        catch (QueryRefusedException e)
        {
            audit.Record(user, kind, "refused", detail);
            return new ConsoleOutcome(null, "refused", e.ReasonZh, e.ReasonEn);
        }
        catch (QueryTimeoutException e)
        {
            audit.Record(user, kind, "timeout", detail, e.Timeout);
            return new ConsoleOutcome(null, "timeout", $"查询超过 {e.Timeout.TotalSeconds:0} 秒，已停止。", $"The query ran longer than {e.Timeout.TotalSeconds:0} s and was stopped.");
        }
        catch (QueryMemoryException e)
        {
            audit.Record(user, kind, "memory", detail);
            var (zh, en) = Halves(e.Message);
            return new ConsoleOutcome(null, "memory", zh, en);
        }
        catch (OperationCanceledException)
        {
            audit.Record(user, kind, "cancelled", detail);
            return new ConsoleOutcome(null, "cancelled", "查询已取消。", "The query was cancelled.");
        }
        catch (QueryFailedException e)
        {
            audit.Record(user, kind, "failed", detail);
            return new ConsoleOutcome(null, "failed", "查询出错：" + e.Message, "Query error: " + e.Message);
        }
        catch (Exception e) when (e is DuckDBException or IOException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            // Not the query's own failure (e.g. the research file could not be refreshed): recorded all the same.
            audit.Record(user, kind, "failed", detail);
            return new ConsoleOutcome(null, "failed", "查询无法运行：" + e.Message, "The query could not run: " + e.Message);
        }
        finally
        {
            gate.Release();
        }
    }
}
