using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Quartz;

namespace Analytics.Etl.Scheduling;

public static class SchedulingRegistration
{
    /// <summary>
    /// The inbox job (every InboxInterval; missed firings after downtime collapse into one) and the nightly job
    /// (cron; a night missed while the host was down is caught up once at start), each retried with exponential
    /// back-off and recorded in job_run. Hosted in this process, which owns the warehouse file.
    /// </summary>
    public static IHostApplicationBuilder AddScheduledIngestion(this IHostApplicationBuilder builder)
    {
        AnalyticsServices.Add(builder.Services, builder.Configuration); // the warehouse, the scheduling options and the loader
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
