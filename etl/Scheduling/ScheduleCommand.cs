using System.CommandLine;
using Analytics.Etl.Scheduling;
using Microsoft.Extensions.Hosting;

namespace Analytics.Etl.Cli;

internal static partial class CliCommands
{
    /// <summary>The scheduled jobs without the dashboard, for headless servers.</summary>
    public static Command Schedule()
    {
        var db = CliHost.DbOption();
        var command = new Command("schedule", """
            Run the scheduled jobs without the dashboard (headless servers): the inbox job loads files dropped into
            data/inbox/ and files them into archive/ or rejected/; the nightly job checkpoints and backs up.
            Stop with Ctrl+C. Do not run it while the dashboard runs: the dashboard already runs these jobs.
            定时任务（无仪表盘时使用）：收件箱加载、夜间备份。
            """) { db };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var builder = Host.CreateApplicationBuilder();
            var path = parseResult.GetValue(db);
            if (path is not null) builder.Configuration["Warehouse:Path"] = path;
            builder.AddScheduledIngestion();
            using var host = builder.Build();
            await host.RunAsync(cancellationToken);
            return CliHost.Ok;
        });
        return command;
    }
}
