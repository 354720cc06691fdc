using System.CommandLine;

namespace Analytics.Etl.Cli;

/// <summary>The table of contents of the CLI: one factory per command, each defined in its feature folder.</summary>
internal static partial class CliCommands
{
    public static Command Load() => new("load", "Load extract files or folders into the warehouse / 加载数据文件");
    public static Command Sql() => new("sql", "Run one read-only query / 只读查询");
    public static Command Runs() => new("runs", "The load history / 加载记录");
    public static Command Quarantine() => new("quarantine", "Quarantined rows / 隔离的问题行");
}
