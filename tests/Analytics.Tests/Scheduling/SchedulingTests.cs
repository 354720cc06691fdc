using Analytics.Etl.Loading;
using Analytics.Etl.Scheduling;
using Analytics.Tests.Loading;
using Analytics.Warehouse.Storage;
using Microsoft.Extensions.Logging.Abstractions;
using Quartz;
using MsOptions = Microsoft.Extensions.Options.Options;

namespace Analytics.Tests.Scheduling;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}

public sealed class SchedulingTests : IDisposable
{
    private readonly LoaderFixture fixture = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly IngestionScheduleOptions options;
    private readonly WarehouseChangeNotifier changes = new();

    public SchedulingTests()
    {
        options = new IngestionScheduleOptions
        {
            Inbox = Path.Combine(fixture.Folder, "inbox"),
            Archive = Path.Combine(fixture.Folder, "archive"),
            Rejected = Path.Combine(fixture.Folder, "rejected"),
            Backups = Path.Combine(fixture.Folder, "backups"),
            StableFor = TimeSpan.FromSeconds(5),
            BackupsToKeep = 2,
        };
        Directory.CreateDirectory(options.Inbox);
    }

    public void Dispose() => fixture.Dispose();

    private InboxProcessor Processor(Action<string, int>? afterRow = null) =>
        new(new ExtractLoader(fixture.Database, Analytics.Warehouse.People.PersonKeySource.Resolve(fixture.Options, fixture.Database), clock) { AfterRowStaged = afterRow },
            MsOptions.Create(options), changes, clock, NullLogger<InboxProcessor>.Instance);

    private string Drop(string name, string text, TimeSpan age)
    {
        var path = Path.Combine(options.Inbox, name);
        File.WriteAllText(path, text);
        File.SetLastWriteTimeUtc(path, (clock.Now - age).UtcDateTime);
        return path;
    }

    [Fact]
    public void A_dropped_file_is_loaded_once_and_archived()
    {
        var processor = Processor();
        var raised = 0;
        changes.Changed += () => raised++;
        Drop("区划名录.csv", SampleExtracts.OrgRegister, TimeSpan.FromMinutes(1));

        var first = processor.RunOnce();
        var second = processor.RunOnce();

        Assert.Equal(LoadOutcome.Loaded, Assert.Single(first.Report.Files).Outcome);
        Assert.Empty(second.Report.Files);
        Assert.True(File.Exists(Path.Combine(options.Archive, "2026-03-02", "区划名录.csv")));
        Assert.Empty(Directory.GetFiles(options.Inbox));
        Assert.Equal(1, raised);
        Assert.Equal(1, fixture.Scalar<int>("SELECT count(*) FROM load_run"));
    }

    [Fact]
    public void A_half_written_file_waits_until_it_stops_changing()
    {
        var processor = Processor();
        var lines = SampleExtracts.OrgRegister.Split('\n');
        var path = Drop("org.csv", string.Join('\n', lines[..3]) + "\n", TimeSpan.Zero);

        var whileWriting = processor.RunOnce();
        File.AppendAllText(path, string.Join('\n', lines[3..]));
        File.SetLastWriteTimeUtc(path, clock.Now.UtcDateTime);
        clock.Advance(TimeSpan.FromSeconds(6));
        var sizeJustChanged = processor.RunOnce();
        clock.Advance(TimeSpan.FromSeconds(60));
        var settled = processor.RunOnce();

        Assert.Equal([path], whileWriting.Waiting);
        Assert.Empty(whileWriting.Report.Files);
        Assert.Equal([path], sizeJustChanged.Waiting);
        Assert.Equal(LoadOutcome.Loaded, Assert.Single(settled.Report.Files).Outcome);
        Assert.Equal(7, fixture.Scalar<int>("SELECT count(*) FROM org_unit"));
    }

    [Fact]
    public void A_refused_file_goes_to_rejected_with_its_reason()
    {
        Drop("随便.csv", "标题,内容\n一,二\n", TimeSpan.FromMinutes(1));

        var result = Processor().RunOnce();

        Assert.Equal(LoadOutcome.Refused, Assert.Single(result.Report.Files).Outcome);
        var moved = Path.Combine(options.Rejected, "2026-03-02", "随便.csv");
        Assert.True(File.Exists(moved));
        var reason = File.ReadAllText(moved + ".reason.txt");
        Assert.Contains("区划代码", reason);
        Assert.Contains("closest", reason);
    }

    [Fact]
    public async Task Two_scans_never_overlap()
    {
        using var inside = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var processor = Processor(afterRow: (_, _) => { inside.Set(); release.Wait(TimeSpan.FromSeconds(30)); });
        Drop("org.csv", SampleExtracts.OrgRegister, TimeSpan.FromMinutes(1));

        var firstScan = Task.Run(() => processor.RunOnce());
        Assert.True(inside.Wait(TimeSpan.FromSeconds(30)));
        var overlapping = processor.RunOnce();
        release.Set();
        var first = await firstScan;

        Assert.True(overlapping.Skipped);
        Assert.False(first.Skipped);
        Assert.Equal(LoadOutcome.Loaded, Assert.Single(first.Report.Files).Outcome);
        Assert.True(Attribute.IsDefined(typeof(InboxJob), typeof(DisallowConcurrentExecutionAttribute)));
    }

    [Fact]
    public async Task Every_run_is_recorded_and_a_failure_is_reported_not_swallowed()
    {
        var runs = new JobRunLog(fixture.Database, clock);
        var processor = Processor(afterRow: (_, _) => throw new IOException("network share went away"));
        Drop("org.csv", SampleExtracts.OrgRegister, TimeSpan.FromMinutes(1));
        var job = new InboxJob(processor, runs, NullLogger<InboxJob>.Instance);

        await Assert.ThrowsAsync<JobExecutionException>(async () => await job.Execute(null!, CancellationToken.None));
        File.SetLastWriteTimeUtc(Path.Combine(options.Inbox, "org.csv"), (clock.Now - TimeSpan.FromMinutes(1)).UtcDateTime);
        await new InboxJob(Processor(), runs, NullLogger<InboxJob>.Instance).Execute(null!, CancellationToken.None);

        var recorded = fixture.Rows("SELECT job, outcome, files, coalesce(error, '') FROM job_run ORDER BY run_id");
        Assert.Equal(2, recorded.Count);
        Assert.StartsWith("inbox|failed|0|failed to load: org.csv", recorded[0]);
        Assert.Contains("network share went away", recorded[0]);
        Assert.Equal("inbox|succeeded|1|", recorded[1]);
    }

    [Fact]
    public void The_nightly_job_checkpoints_and_keeps_the_configured_number_of_dated_backups()
    {
        fixture.Load(fixture.Write("org.csv", SampleExtracts.OrgRegister));
        var nightly = new NightlyMaintenance(fixture.Database, [], MsOptions.Create(options), changes, clock, NullLogger<NightlyMaintenance>.Instance);

        var backups = new List<string>();
        for (var night = 0; night < 3; night++)
        {
            backups.Add(nightly.Run());
            clock.Advance(TimeSpan.FromDays(1));
        }

        Assert.Equal(backups[1..], Directory.GetFiles(options.Backups).Order().ToArray());
        using var copy = new DuckDB.NET.Data.DuckDBConnection($"Data Source={backups[^1]};ACCESS_MODE=READ_ONLY");
        copy.Open();
        using var cmd = copy.CreateCommand();
        cmd.CommandText = "SELECT count(*) FROM org_unit";
        Assert.Equal(7L, Convert.ToInt64(cmd.ExecuteScalar()));
    }
}

public sealed class NightlyCatchUpTests : IDisposable
{
    private readonly LoaderFixture fixture = new();
    private readonly ManualClock clock = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void A_missed_night_is_caught_up_once_at_start_but_a_fresh_install_has_nothing_to_catch_up()
    {
        var runs = new JobRunLog(fixture.Database, clock);
        Assert.False(NightlyCatchUp.IsDue(runs, clock));

        runs.Finish(runs.Start(NightlyJob.Name), 0, "succeeded", null);
        clock.Advance(TimeSpan.FromHours(20));
        Assert.False(NightlyCatchUp.IsDue(runs, clock));

        clock.Advance(TimeSpan.FromDays(2));
        Assert.True(NightlyCatchUp.IsDue(runs, clock));

        runs.Finish(runs.Start(NightlyJob.Name), 0, "failed", "disk full");
        Assert.True(NightlyCatchUp.IsDue(runs, clock));
    }
}
