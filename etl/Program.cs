using Analytics.Etl.Cli;

// The ETL command line: `dotnet run --project etl -- <command> --help` describes each command.
return await CliHost.RunAsync(CliApp.Root(), args);
