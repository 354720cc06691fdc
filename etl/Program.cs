using System.CommandLine;
using Analytics.Etl.Cli;

// The ETL command line: `dotnet run --project etl -- <command> --help` describes each command.
var root = new RootCommand("Analytics ETL: 成都社区社会工作人才数据仓库 / Chengdu community social-work warehouse");
root.Subcommands.Add(CliCommands.Load());
root.Subcommands.Add(CliCommands.Sql());
root.Subcommands.Add(CliCommands.Runs());
root.Subcommands.Add(CliCommands.Quarantine());
root.Subcommands.Add(CliCommands.Schedule());
return await CliHost.RunAsync(root, args);
