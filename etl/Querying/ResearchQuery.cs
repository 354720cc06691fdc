using System.Diagnostics;
using Analytics.Etl.Cli;
using Analytics.Warehouse.Audit;
using Analytics.Warehouse.Research;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Etl.Querying;

/// <summary>
/// The CLI `sql`: checks the person key against the warehouse (the research keys derive from it), brings the research
/// file up to date with the warehouse — read-only when the warehouse cannot be written (a copy on read-only media) —
/// then runs the query in the same sandboxed query process as the dashboard's 查询 SQL page. Every query is audited,
/// whatever way it ends.
/// </summary>
internal static class ResearchQuery
{
    public static int Run(string? db, QueryFormat format, string sql, CancellationToken cancel)
    {
        using var services = CliHost.Services(db);
        var database = services.GetRequiredService<WarehouseDatabase>();
        var surface = services.GetRequiredService<ResearchSurface>();
        var options = surface.Options;
        var started = Stopwatch.GetTimestamp();
        void Audit(string outcome, long? rows) =>
            AuditAsCliUser(database, sql, outcome, Stopwatch.GetElapsedTime(started), rows);
        try
        {
            using (var connection = database.OpenWritableOrReadOnly(out _)) surface.Refresh(connection);
            var result = surface.Runner.Run(sql, options.ExportRows, cancel);
            QueryResultWriter.Write(result.Columns.Select(c => c.Name).ToList(), result.Rows, format, Console.Out);
            if (result.Truncated)
                Console.Error.WriteLine($"只显示前 {options.ExportRows:N0} 行 Only the first {options.ExportRows:N0} rows are shown.");
            Audit("ok", result.Rows.Count);
            return CliHost.Ok;
        }
        catch (QueryRefusedException e)
        {
            Console.Error.WriteLine($"查询被拒绝 Query refused: {e.ReasonZh} / {e.ReasonEn}");
            Audit("refused", null);
            return CliHost.Refused;
        }
        catch (Exception e) when (e is QueryTimeoutException or QueryMemoryException)
        {
            Console.Error.WriteLine(e.Message);
            Audit(e is QueryTimeoutException ? "timeout" : "memory", null);
            return CliHost.Fault;
        }
        catch (OperationCanceledException)
        {
            Audit("cancelled", null);
            throw;
        }
        catch (QueryFailedException e)
        {
            Console.Error.WriteLine($"查询出错 Query error: {e.Message}");
            Audit("failed", null);
            return CliHost.Fault;
        }
        catch (Exception e) when (e is not (WarehouseLockedException or WarehouseDamagedException))
        {
            Audit("failed", null); // any other failure is recorded too, then reported by the CLI's one error handler
            throw;
        }
    }

    /// <summary>The CLI's queries are audited like the console's, under the operating-system user ("cli:NAME").</summary>
    private static void AuditAsCliUser(WarehouseDatabase database, string sql, string outcome, TimeSpan duration, long? rows)
    {
        using var connection = database.OpenWritableOrReadOnly(out var readOnly);
        if (readOnly)
        {
            Console.Error.WriteLine("注意：仓库文件只读，本次查询未能写入它的审计日志。 / Note: the warehouse file is read-only, so this query could not be recorded in its audit log.");
            return;
        }
        AuditTrail.Record(connection, TimeProvider.System, "cli:" + Environment.UserName, AuditTrail.Query, outcome, sql, duration, rows);
    }
}
