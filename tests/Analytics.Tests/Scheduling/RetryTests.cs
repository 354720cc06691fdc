using Analytics.Etl.Loading;
using Analytics.Etl.Scheduling;
using Analytics.Tests.Loading;
using Analytics.Warehouse.People;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Analytics.Tests.Scheduling;

/// <summary>The real Quartz scheduler in a real host: a failing inbox run is retried with growing waits, then succeeds.</summary>
public sealed class RetryTests : IDisposable
{
    private readonly LoaderFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public async Task A_failing_inbox_run_is_retried_with_back_off_and_every_attempt_is_recorded()
    {
        var inbox = Path.Combine(fixture.Folder, "inbox");
        Directory.CreateDirectory(inbox);
        File.WriteAllText(Path.Combine(inbox, "org.csv"), SampleExtracts.OrgRegister);
        File.SetLastWriteTimeUtc(Path.Combine(inbox, "org.csv"), DateTime.UnixEpoch.AddYears(50));

        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Warehouse:Path"] = fixture.Options.Path;
        builder.Configuration["Warehouse:PersonKey"] = "test-secret";
        builder.Configuration["Scheduling:Inbox"] = inbox;
        builder.Configuration["Scheduling:Archive"] = Path.Combine(fixture.Folder, "archive");
        builder.Configuration["Scheduling:Rejected"] = Path.Combine(fixture.Folder, "rejected");
        builder.Configuration["Scheduling:Backups"] = Path.Combine(fixture.Folder, "backups");
        builder.Configuration["Scheduling:InboxInterval"] = "01:00:00";
        builder.Configuration["Scheduling:StableFor"] = "00:00:00";
        builder.Configuration["Scheduling:RetryAttempts"] = "3";
        builder.Configuration["Scheduling:RetryFirstDelay"] = "00:00:01";
        builder.AddScheduledIngestion();
        var failuresLeft = 2;
        builder.Services.AddSingleton(sp => new ExtractLoader(fixture.Database, PersonKeySource.Resolve(fixture.Options, fixture.Database), TimeProvider.System)
        {
            AfterRowStaged = (_, _) => { if (Interlocked.Decrement(ref failuresLeft) >= 0) throw new IOException("share offline"); },
        });
        using var host = builder.Build();

        await host.StartAsync();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (fixture.Rows("SELECT outcome FROM job_run WHERE outcome = 'succeeded'").Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(60))
            await Task.Delay(200);
        await host.StopAsync();

        var runs = fixture.Rows("SELECT outcome, epoch_ms(started_at) FROM job_run WHERE job = 'inbox' ORDER BY run_id");
        Assert.Equal(["failed", "failed", "succeeded"], runs.Select(r => r.Split('|')[0]));
        var starts = runs.Select(r => long.Parse(r.Split('|')[1])).ToList();
        Assert.InRange(starts[1] - starts[0], 900, 30_000);
        Assert.InRange(starts[2] - starts[1], 1_900, 30_000);
        Assert.Equal(7, fixture.Scalar<int>("SELECT count(*) FROM org_unit"));
    }

    [Fact]
    public void The_inbox_loader_takes_its_memory_bound_from_configuration()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration["Warehouse:Path"] = fixture.Options.Path;
        builder.Configuration["Warehouse:PersonKey"] = "test-secret";
        builder.Configuration["Scheduling:LoadMemoryLimit"] = "256MB";
        builder.AddScheduledIngestion();
        using var host = builder.Build();

        Assert.Equal("256MB", host.Services.GetRequiredService<ExtractLoader>().MemoryLimitWhileLoading);
    }
}
