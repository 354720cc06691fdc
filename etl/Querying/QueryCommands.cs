using System.CommandLine;
using Analytics.Etl.Querying;
using Analytics.Warehouse.Storage;
using DuckDB.NET.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Analytics.Etl.Cli;

internal static partial class CliCommands
{
    private static Option<QueryFormat> FormatOption() => new("--format")
    {
        Description = "table | csv | json (CSV has a header row) / 输出格式",
        DefaultValueFactory = _ => QueryFormat.Table,
    };

    public static Command Sql()
    {
        var query = new Argument<string>("QUERY") { Description = "One read-only SQL query, e.g. \"SELECT * FROM district_progress(DATE '2022-12-31')\"" };
        var db = CliHost.DbOption();
        var format = FormatOption();
        var command = new Command("sql",
            "Run one read-only query on the de-identified research surface (the dashboard's 查询 SQL engine; see docs/research-sql.md) / 在去标识研究库上运行一条只读查询")
            { query, db, format };
        command.SetAction((parseResult, cancel) => Task.FromResult(ResearchQuery.Run(parseResult.GetValue(db), parseResult.GetValue(format), parseResult.GetValue(query)!, cancel)));
        return command;
    }

    /// <summary>The research query process the sandbox starts (not for people: it reads its request from standard input).</summary>
    public static Command ResearchWorker()
    {
        var command = new Command(Warehouse.Research.ResearchQueryWorker.Verb, "Internal: runs one sandboxed research query for `sql` and the dashboard") { Hidden = true };
        command.SetAction(_ => Warehouse.Research.ResearchQueryWorker.Serve(Console.OpenStandardInput(), Console.OpenStandardOutput()));
        return command;
    }

    public static Command Runs()
    {
        var db = CliHost.DbOption();
        var format = FormatOption();
        var command = new Command("runs", "The load history and scheduled job runs / 加载与定时任务记录") { db, format };
        command.SetAction(parseResult =>
        {
            var code = RunQuery(parseResult.GetValue(db), parseResult.GetValue(format), """
                SELECT load_id, file_name, kind, outcome, rows_read, rows_loaded, rows_quarantined,
                       started_at, finished_at, message_en AS message, left(sha256, 12) AS sha256
                FROM load_run ORDER BY load_id
                """, []);
            return code != CliHost.Ok ? code : RunQuery(parseResult.GetValue(db), parseResult.GetValue(format),
                "SELECT run_id, job, started_at, finished_at, files, outcome, error FROM job_run ORDER BY run_id", []);
        });
        return command;
    }

    public static Command Quarantine()
    {
        var db = CliHost.DbOption();
        var format = FormatOption();
        var file = new Option<string?>("--file") { Description = "Only this file's bad rows / 只看该文件" };
        var command = new Command("quarantine", "Quarantined rows: file, line (1 = header), column, reason / 隔离的问题行") { db, file, format };
        command.SetAction(parseResult => RunQuery(parseResult.GetValue(db), parseResult.GetValue(format), """
            SELECT file_name, line_number, column_name, reason_zh, reason_en
            FROM quarantine WHERE CAST($file AS VARCHAR) IS NULL OR file_name = $file
            ORDER BY load_id, line_number, column_name
            """, [new DuckDBParameter("file", parseResult.GetValue(file))]));
        return command;
    }

    private static int RunQuery(string? db, QueryFormat format, string sql, DuckDBParameter[] parameters)
    {
        using var services = CliHost.Services(db);
        using var connection = services.GetRequiredService<WarehouseDatabase>().OpenReadOnly();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        foreach (var p in parameters) cmd.Parameters.Add(p);
        try
        {
            using var reader = cmd.ExecuteReader();
            QueryResultWriter.Write(reader, format, Console.Out);
            return CliHost.Ok;
        }
        catch (DuckDBException e)
        {
            Console.Error.WriteLine($"查询出错 Query error: {e.Message}");
            return CliHost.Fault;
        }
    }
}
