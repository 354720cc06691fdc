using System.Diagnostics;
using Analytics.Etl.Cli;
using Analytics.Warehouse.Audit;
using Analytics.Warehouse.People;
using Analytics.Warehouse.Research;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;
using Microsoft.Extensions.Configuration;

namespace Analytics.Etl.Querying;

/// <summary>
/// The CLI `sql`: brings the research file up to date with the warehouse (which it must open, so a warehouse held by
/// the dashboard is reported plainly), then runs the query in the same sandbox as the dashboard's 查询 SQL page.
/// </summary>
internal static class ResearchQuery
{
    public static int Run(string? db, QueryFormat format, string sql, CancellationToken cancel)
    {
        var warehouseOptions = CliHost.WarehouseOptions(db);
        var options = new ResearchOptions();
        CliHost.Configuration().GetSection(ResearchOptions.Section).Bind(options);
        var database = new WarehouseDatabase(warehouseOptions);
        var surface = new ResearchSurface(database, PersonKeySource.Resolve(warehouseOptions), options, TimeProvider.System);
        bool stale;
        using (var readOnly = database.OpenReadOnly()) stale = surface.Database.BuiltFingerprint() != ResearchDatabase.Fingerprint(readOnly);
        if (stale) surface.Refresh();
        var started = Stopwatch.GetTimestamp();
        void Audit(string outcome, long? rows) =>
            AuditAsCliUser(database, sql, outcome, Stopwatch.GetElapsedTime(started), rows);
        try
        {
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
        catch (QueryTimeoutException e)
        {
            Console.Error.WriteLine(e.Message);
            Audit("timeout", null);
            return CliHost.Fault;
        }
        catch (DuckDBException e)
        {
            Console.Error.WriteLine($"查询出错 Query error: {e.Message}");
            Audit("failed", null);
            return CliHost.Fault;
        }
    }

    /// <summary>The CLI's queries are audited like the console's, under the operating-system user ("cli:NAME").</summary>
    private static void AuditAsCliUser(WarehouseDatabase database, string sql, string outcome, TimeSpan duration, long? rows)
    {
        using var connection = database.Open();
        AuditTrail.Record(connection, TimeProvider.System, "cli:" + Environment.UserName, AuditTrail.Query, outcome, sql, duration, rows);
    }
}
