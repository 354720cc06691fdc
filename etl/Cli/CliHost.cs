using System.CommandLine;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Configuration;

namespace Analytics.Etl.Cli;


/// <summary>Shared options and the one place that turns known failures into plain messages and exit codes.</summary>
internal static class CliHost
{
    public const int Ok = 0, Fault = 1, Refused = 2;

    public static Option<string?> DbOption() => new("--db")
    {
        Description = "The warehouse file (default: Warehouse:Path from appsettings.json or the environment variable Warehouse__Path, else data/warehouse.duckdb)",
    };

    /// <summary>Configuration: appsettings.json in the working directory, then environment variables (Warehouse__Path=...), as the dashboard reads them.</summary>
    public static IConfiguration Configuration() => new ConfigurationBuilder()
        .SetBasePath(Directory.GetCurrentDirectory())
        .AddJsonFile("appsettings.json", optional: true)
        .AddEnvironmentVariables()
        .Build();

    public static WarehouseOptions WarehouseOptions(string? db)
    {
        var options = new WarehouseOptions();
        Configuration().GetSection(Analytics.Warehouse.Storage.WarehouseOptions.Section).Bind(options);
        if (!string.IsNullOrWhiteSpace(db)) options.Path = db;
        return options;
    }

    /// <summary>Commands that work on a warehouse's people (or on figures derived from them): the person key is checked first.</summary>
    private static readonly HashSet<string> KeyedCommands = ["load", "sql", "forecast"];

    /// <summary>The --db value of the command line, if any (for messages written outside a command).</summary>
    private static string? DbArgument(string[] args)
    {
        var at = Array.IndexOf(args, "--db");
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : args.FirstOrDefault(a => a.StartsWith("--db=", StringComparison.Ordinal))?[5..];
    }

    public static async Task<int> RunAsync(RootCommand root, string[] args)
    {
        Console.OutputEncoding = System.Text.Encoding.UTF8;
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Errors.Count == 0 && KeyedCommands.Contains(parsed.CommandResult.Command.Name))
                Warehouse.People.PersonKeySource.Resolve(WarehouseOptions(DbArgument(args))); // a wrong or missing key stops here, before any work
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is WarehouseLockedException or WarehouseDamagedException or Warehouse.People.PersonKeyRefusedException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return Fault;
        }
        catch (DuckDB.NET.Data.DuckDBException e) when (WarehouseDamagedException.IsDamage(e))
        {
            // Damage found while reading, after the file opened: the same advice as at opening.
            await Console.Error.WriteLineAsync(new WarehouseDamagedException(WarehouseOptions(DbArgument(args)).Path, e).Message);
            return Fault;
        }
        catch (OperationCanceledException)
        {
            await Console.Error.WriteLineAsync("已取消 Cancelled.");
            return Fault;
        }
        catch (Exception e)
        {
            await Console.Error.WriteLineAsync($"出错 Error: {e.Message}");
            if (Environment.GetEnvironmentVariable("ANALYTICS_DEBUG") is not null) await Console.Error.WriteLineAsync(e.ToString());
            return Fault;
        }
    }
}
