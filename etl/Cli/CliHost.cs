using System.CommandLine;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

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

    /// <summary>
    /// The services of one command, from the one composition root (<see cref="AnalyticsServices"/>) over
    /// <see cref="Configuration"/>, with --db as Warehouse:Path when given. Options are validated as in the host:
    /// invalid ones throw <see cref="OptionsValidationException"/>, reported by <see cref="RunAsync"/>. A process that only
    /// loads passes its loader's memory bound. Dispose it after.
    /// </summary>
    public static ServiceProvider Services(string? db, string? loadMemoryLimit = null)
    {
        var configuration = new ConfigurationBuilder().AddConfiguration(Configuration());
        if (!string.IsNullOrWhiteSpace(db)) configuration.AddInMemoryCollection([new(Analytics.Warehouse.Storage.WarehouseOptions.Section + ":Path", db)]);
        if (loadMemoryLimit is not null) configuration.AddInMemoryCollection([new(Scheduling.IngestionScheduleOptions.Section + ":LoadMemoryLimit", loadMemoryLimit)]);
        return AnalyticsServices.Build(configuration.Build());
    }

    /// <summary>The validated warehouse options of these services.</summary>
    public static WarehouseOptions WarehouseOptions(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<WarehouseOptions>>().Value;

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
            {
                using var services = Services(DbArgument(args));
                services.GetRequiredService<Warehouse.People.PersonKeyHasher>(); // a wrong or missing key stops here, before any work
            }
            return await parsed.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (e is WarehouseLockedException or WarehouseDamagedException or Warehouse.People.PersonKeyRefusedException)
        {
            await Console.Error.WriteLineAsync(e.Message);
            return Fault;
        }
        catch (OptionsValidationException e)
        {
            // The same messages as the host gives at start (the options are validated by the same registration).
            foreach (var failure in e.Failures) await Console.Error.WriteLineAsync(failure);
            return Fault;
        }
        catch (DuckDB.NET.Data.DuckDBException e) when (WarehouseDamagedException.IsDamage(e))
        {
            // Damage found while reading, after the file opened: the same advice as at opening.
            using var services = Services(DbArgument(args));
            await Console.Error.WriteLineAsync(new WarehouseDamagedException(services.WarehouseOptions().Path, e).Message);
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
