using Microsoft.Extensions.Logging;
using Quartz;

namespace Analytics.Etl.Scheduling;

/// <summary>Runs the inbox scan; recorded in job_run; a fault is rethrown so the trigger's retry policy re-fires it.</summary>
[DisallowConcurrentExecution]
internal sealed class InboxJob(InboxProcessor processor, JobRunLog runs, ILogger<InboxJob> logger) : IJob
{
    public const string Name = "inbox";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        ScheduledRun.Record(Name, runs, logger, () =>
        {
            var result = processor.RunOnce(cancellationToken);
            var failed = result.Report.Files.Where(f => f.Outcome == Loading.LoadOutcome.Failed).ToList();
            if (failed.Count > 0)
                throw new InvalidOperationException("failed to load: " + string.Join("; ", failed.Select(f => $"{f.FileName}: {f.MessageEn}")));
            return result.Report.Files.Count;
        });
}

/// <summary>Refreshes, checkpoints and backs up every night.</summary>
[DisallowConcurrentExecution]
internal sealed class NightlyJob(NightlyMaintenance maintenance, JobRunLog runs, ILogger<NightlyJob> logger) : IJob
{
    public const string Name = "nightly";

    public ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken) =>
        ScheduledRun.Record(Name, runs, logger, () =>
        {
            maintenance.Run(cancellationToken);
            return 0;
        });
}

internal static class ScheduledRun
{
    /// <summary>Records the run; a failure is logged, recorded and rethrown (never swallowed) for the retry policy.</summary>
    public static ValueTask Record(string job, JobRunLog runs, ILogger logger, Func<int> work)
    {
        var runId = runs.Start(job);
        try
        {
            var files = work();
            runs.Finish(runId, files, "succeeded", null);
            return ValueTask.CompletedTask;
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {Job} failed; it will be retried with back-off", job);
            runs.Finish(runId, 0, "failed", e.Message);
            throw new JobExecutionException(e);
        }
    }
}
