using Analytics.Etl.Cli;
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
        try
        {
            var result = surface.Runner.Run(sql, options.ExportRows, cancel);
            QueryResultWriter.Write(result.Columns.Select(c => c.Name).ToList(), result.Rows, format, Console.Out);
            if (result.Truncated)
                Console.Error.WriteLine($"只显示前 {options.ExportRows:N0} 行 Only the first {options.ExportRows:N0} rows are shown.");
            return CliHost.Ok;
        }
        catch (QueryRefusedException e)
        {
            Console.Error.WriteLine($"查询被拒绝 Query refused: {e.ReasonZh} / {e.ReasonEn}");
            return CliHost.Refused;
        }
        catch (QueryTimeoutException e)
        {
            Console.Error.WriteLine(e.Message);
            return CliHost.Fault;
        }
        catch (DuckDBException e)
        {
            Console.Error.WriteLine($"查询出错 Query error: {e.Message}");
            return CliHost.Fault;
        }
    }
}
