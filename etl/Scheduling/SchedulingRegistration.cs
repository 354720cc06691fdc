using Analytics.Etl.Loading;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace Analytics.Etl.Scheduling;

internal static class SchedulingRegistration
{
    /// <summary>
    /// The inbox job (every InboxInterval; missed firings after downtime collapse into one) and the nightly job
    /// (cron; a night missed while the host was down is caught up once at start), each retried with exponential
    /// back-off and recorded in job_run. Hosted in this process, which owns the warehouse file.
    /// </summary>
    public static IHostApplicationBuilder AddScheduledIngestion(this IHostApplicationBuilder builder)
    {
        builder.Services.AddWarehouse(builder.Configuration);
        builder.Services.AddOptions<IngestionScheduleOptions>()
            .Bind(builder.Configuration.GetSection(IngestionScheduleOptions.Section))
            .Validate(o => CronExpression.TryParse(o.NightlyCron, out _), "Scheduling:NightlyCron is not a valid Quartz cron expression")
            .Validate(o => o.InboxInterval >= TimeSpan.FromSeconds(1), "Scheduling:InboxInterval must be at least one second")
            .Validate(o => o.BackupsToKeep >= 1, "Scheduling:BackupsToKeep must be at least 1")
            .Validate(o => string.IsNullOrWhiteSpace(o.LoadMemoryLimit) || LoadMemory.IsSize(o.LoadMemoryLimit),
                "Scheduling:LoadMemoryLimit must be a size such as 256MB or 1GB (or empty for no bound)")
            .ValidateOnStart();
        builder.Services.AddSingleton(sp => new ExtractLoader(
            sp.GetRequiredService<WarehouseDatabase>(), sp.GetRequiredService<Warehouse.People.PersonKeyHasher>(), sp.GetRequiredService<TimeProvider>())
        {
            MemoryLimitWhileLoading = sp.GetRequiredService<IOptions<IngestionScheduleOptions>>().Value.LoadMemoryLimit,
        });
        builder.Services.AddSingleton<InboxProcessor>();
        builder.Services.AddSingleton<NightlyMaintenance>();
        builder.Services.AddSingleton<JobRunLog>();
        builder.Services.AddSingleton<INightlyRefresh, Forecasting.ForecastNightlyRefresh>();

        var options = builder.Configuration.GetSection(IngestionScheduleOptions.Section).Get<IngestionScheduleOptions>() ?? new IngestionScheduleOptions();
        var retry = RetryPolicy.Exponential(options.RetryAttempts, options.RetryFirstDelay, 2.0, TimeSpan.FromMinutes(30));
        builder.AddQuartz(q =>
        {
            q.AddJob<InboxJob>(j => j.WithIdentity(InboxJob.Name).StoreDurably());
            q.AddTrigger(t => t.ForJob(InboxJob.Name).WithIdentity("inbox-every-interval").StartNow()
                .WithSimpleSchedule(s => s.WithInterval(options.InboxInterval).RepeatForever()
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
                .WithRetryPolicy(retry));
            q.AddJob<NightlyJob>(j => j.WithIdentity(NightlyJob.Name).StoreDurably());
            q.AddTrigger(t => t.ForJob(NightlyJob.Name).WithIdentity("nightly-cron")
                .WithCronSchedule(options.NightlyCron, c => c.WithMisfireInstruction(CronTriggerMisfireInstruction.FireAndProceed))
                .WithRetryPolicy(retry));
        });
        builder.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        builder.Services.AddHostedService<NightlyCatchUp>();
        return builder;
    }
}

/// <summary>
/// At start: when the nightly job has run before but not succeeded in the last day (the host was down over its time,
/// or it kept failing), run it once now. A fresh install has nothing to catch up.
/// </summary>
internal sealed class NightlyCatchUp(ISchedulerFactory schedulers, JobRunLog runs, TimeProvider clock) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsDue(runs, clock)) return;
        var scheduler = await schedulers.GetScheduler(stoppingToken);
        await scheduler.TriggerJob(new JobKey(NightlyJob.Name), new JobDataMap(), stoppingToken);
    }

    internal static bool IsDue(JobRunLog runs, TimeProvider clock)
    {
        if (!runs.HasRun(NightlyJob.Name)) return false;
        var last = runs.LastSucceeded(NightlyJob.Name);
        return last is null || clock.GetUtcNow() - last > TimeSpan.FromHours(25);
    }
}
