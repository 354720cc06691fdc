using System.CommandLine;

namespace Analytics.Etl.Cli;

/// <summary>The table of contents of the CLI: every command, each defined in its feature folder.</summary>
internal static class CliApp
{
    public static RootCommand Root()
    {
        var root = new RootCommand("Analytics ETL: 成都社区社会工作人才数据仓库 / Chengdu community social-work warehouse");
        root.Subcommands.Add(CliCommands.Load());
        root.Subcommands.Add(CliCommands.Sql());
        root.Subcommands.Add(CliCommands.Runs());
        root.Subcommands.Add(CliCommands.Quarantine());
        root.Subcommands.Add(CliCommands.Schedule());
        root.Subcommands.Add(CliCommands.DemoData());
        root.Subcommands.Add(CliCommands.Template());
        root.Subcommands.Add(CliCommands.Forecast());
        root.Subcommands.Add(CliCommands.Bench());
        root.Subcommands.Add(CliCommands.Restore());
        root.Subcommands.Add(CliCommands.Reliability());
        root.Subcommands.Add(CliCommands.ResearchDocs());
        root.Subcommands.Add(CliCommands.ResearchWorker());
        root.Subcommands.Add(CliCommands.Publish());
        return root;
    }
}
