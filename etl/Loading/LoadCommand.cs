using System.CommandLine;
using Analytics.Etl.Extracts;
using Analytics.Etl.Loading;
using Microsoft.Extensions.DependencyInjection;
using Analytics.Warehouse.Storage;

namespace Analytics.Etl.Cli;

internal static partial class CliCommands
{
    public static Command Load()
    {
        var paths = new Argument<string[]>("PATH") { Description = "Extract files (CSV) or folders of them / 数据文件或文件夹", Arity = ArgumentArity.OneOrMore };
        var db = CliHost.DbOption();
        var command = new Command("load", """
            Load extract files or folders into the warehouse. Each file is recognised by its header row and loaded
            all-or-nothing; bad rows are quarantined and listed; the same file twice is "already loaded".
            Exit code: 0 every file loaded or already loaded; 2 a file was refused whole; 1 a fault.
            加载数据文件：按表头识别种类，整文件事务；问题行进入隔离区；同一文件重复加载不作改动。
            """) { paths, db };
        command.SetAction((parseResult, cancellationToken) =>
        {
            using var services = CliHost.Services(parseResult.GetValue(db), LoadMemory.OwnProcessLimit); // this process only loads: memory flat in file size
            var loader = services.GetRequiredService<ExtractLoader>();
            Console.WriteLine($"仓库 Warehouse: {Path.GetFullPath(services.WarehouseOptions().Path)}");
            var report = loader.Load(parseResult.GetValue(paths)!, LoadProgressDisplay.ForConsole(), cancellationToken);
            LoadReportPrinter.Print(report, Console.Out);
            return Task.FromResult(report.AnyFailed ? CliHost.Fault : report.AnyRefused ? CliHost.Refused : CliHost.Ok);
        });
        return command;
    }

    /// <summary>The loader of the bench's measured loads, as `load` makes it: the same registration, memory bounded.</summary>
    internal static ExtractLoader CliLoader(WarehouseOptions options) =>
        AnalyticsServices.Build(options, LoadMemory.OwnProcessLimit).GetRequiredService<ExtractLoader>();
}

/// <summary>Prints what a load did, a line per file and a total, Chinese first.</summary>
internal static class LoadReportPrinter
{
    public static void Print(LoadReport report, TextWriter output)
    {
        foreach (var f in report.Files)
        {
            var (mark, word) = f.Outcome switch
            {
                LoadOutcome.Loaded => ("✓", "已加载 loaded"),
                LoadOutcome.AlreadyLoaded => ("=", "已加载过 already loaded"),
                LoadOutcome.Refused => ("✗", "拒收 refused"),
                _ => ("!", "失败 failed"),
            };
            var kind = f.Kind is { } k ? $" [{k.ChineseName} {k.Code}]" : "";
            output.WriteLine($"{mark} {f.FileName}{kind}: {word}");
            if (f.Outcome == LoadOutcome.Loaded)
                output.WriteLine($"    读取 read {f.RowsRead:N0} 行 rows, 入库 loaded {f.RowsLoaded:N0}, 隔离 quarantined {f.RowsQuarantined:N0}");
            if (f.IgnoredColumns.Count > 0)
                output.WriteLine($"    忽略的列 ignored columns: {string.Join(", ", f.IgnoredColumns)}");
            if (f.MessageZh is not null) output.WriteLine($"    {f.MessageZh}\n    {f.MessageEn}");
            if (f.RowsQuarantined > 0)
                output.WriteLine($"    查看问题行 see the bad rows: dotnet run --project etl -- quarantine --file \"{f.FileName}\"");
        }
        output.WriteLine($"合计 Total: {report.Files.Count} 个文件 files, 入库 {report.RowsLoaded:N0} 行 rows loaded, 隔离 {report.RowsQuarantined:N0} 行 rows quarantined");
    }
}

/// <summary>On a terminal: file, rows, rows/s and ETA on one updating line (stderr). Redirected: nothing.</summary>
internal static class LoadProgressDisplay
{
    public static IProgress<LoadProgress>? ForConsole() =>
        Console.IsErrorRedirected ? null : new ImmediateProgress(Show);

    private sealed class ImmediateProgress(Action<LoadProgress> show) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => show(value);
    }

    private static void Show(LoadProgress p)
    {
        var eta = p.Eta is { } e ? e.ToString(@"mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "--:--";
        var line = $"  [{p.FileNumber}/{p.FileCount}] {p.OverallFraction,4:P0} ETA {eta} | {p.RowsRead:N0} rows {p.RowsPerSecond:N0}/s | {p.FileName}";
        var width = Math.Max(40, Console.BufferWidth - 1);
        while (Querying.QueryResultWriter.DisplayWidth(line) > width) line = line[..^1];
        Console.Error.Write("\r" + line + new string(' ', width - Querying.QueryResultWriter.DisplayWidth(line)));
        if (p.FractionDone >= 1 && p.FileNumber == p.FileCount) Console.Error.WriteLine();
    }
}
