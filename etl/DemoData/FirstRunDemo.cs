using Analytics.Etl.Scheduling;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace Analytics.Etl.DemoData;

/// <summary>"Demo" section: whether a fresh install seeds itself with the city-scale demo history.</summary>
internal sealed class FirstRunDemoOptions
{
    public const string Section = "Demo";

    /// <summary>On by default: a fresh clone with no warehouse file gets the demo history.</summary>
    public bool SeedOnFirstRun { get; set; } = true;

    public int Seed { get; set; } = 20190101;
}

public static class FirstRunDemoRegistration
{
    /// <summary>
    /// When the warehouse file does not exist yet at start-up (a fresh clone), writes the city-scale demo history
    /// into the inbox and fires the inbox job, so it loads through the same scheduled path as any clerk's file.
    /// </summary>
    public static IHostApplicationBuilder AddFirstRunDemo(this IHostApplicationBuilder builder)
    {
        var demo = builder.Configuration.GetSection(FirstRunDemoOptions.Section).Get<FirstRunDemoOptions>() ?? new FirstRunDemoOptions();
        var warehouse = builder.Configuration.GetSection(WarehouseOptions.Section).Get<WarehouseOptions>() ?? new WarehouseOptions();
        if (demo.SeedOnFirstRun && !File.Exists(warehouse.Path))
            builder.Services.AddHostedService(sp => new FirstRunDemo(
                demo, sp.GetRequiredService<IOptions<IngestionScheduleOptions>>(), sp.GetRequiredService<ISchedulerFactory>(),
                sp.GetRequiredService<TimeProvider>(), sp.GetRequiredService<ILogger<FirstRunDemo>>()));
        return builder;
    }
}

internal sealed class FirstRunDemo(
    FirstRunDemoOptions demo,
    IOptions<IngestionScheduleOptions> scheduling,
    ISchedulerFactory schedulers,
    TimeProvider clock,
    ILogger<FirstRunDemo> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inbox = Path.GetFullPath(scheduling.Value.Inbox);
        var incoming = Path.Combine(inbox, ".incoming");
        logger.LogInformation("首次启动：正在生成成都市演示数据 / First start: writing the city-scale demo history into {Inbox}", inbox);
        var summary = await Task.Run(() => DemoDataGenerator.Write(
            new DemoDataOptions(incoming, Seed: demo.Seed, To: Math.Max(2026, clock.GetUtcNow().Year)),
            new Progress<string>(message => logger.LogInformation("演示数据 Demo data: {Message}", message))), stoppingToken);
        foreach (var file in Directory.GetFiles(incoming))
            File.Move(file, Path.Combine(inbox, Path.GetFileName(file)), overwrite: true);
        Directory.Delete(incoming, recursive: true);
        logger.LogInformation("演示数据已放入收件箱，收件箱任务即将加载 / demo files are in the inbox; the inbox job loads them next: {Files} files, {Rows:N0} rows",
            summary.Files.Count, summary.TotalRows);

        // Let the files age past StableFor, then fire the inbox job now rather than at its next interval.
        await Task.Delay(scheduling.Value.StableFor + TimeSpan.FromSeconds(1), clock, stoppingToken);
        var scheduler = await schedulers.GetScheduler(stoppingToken);
        await scheduler.TriggerJob(new JobKey(InboxJob.Name), new JobDataMap(), stoppingToken);
    }
}
