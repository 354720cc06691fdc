using System.Diagnostics;
using Analytics.Warehouse.Research;

namespace Analytics.Tests.Research;

/// <summary>The timeout and the cancel really stop a query, and a runaway query does not hold up another.</summary>
public sealed class QueryLimitTests : IDisposable
{
    private const string Runaway = "SELECT count(*) FROM range(100000000000) t(x) WHERE x % 7 = 3";
    private readonly ResearchFixture research = new(new ResearchOptions { Timeout = TimeSpan.FromSeconds(1) });

    [Fact]
    public void A_query_past_the_timeout_is_stopped()
    {
        var watch = Stopwatch.StartNew();
        var e = Assert.Throws<QueryTimeoutException>(() => research.Run(Runaway));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
        Assert.Contains("1 s", e.Message);
    }

    [Fact]
    public void Cancelling_stops_the_query()
    {
        var runner = new SandboxedQueryRunner(research.ResearchPath, new ResearchOptions { Timeout = TimeSpan.FromMinutes(5) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        var watch = Stopwatch.StartNew();

        Assert.ThrowsAny<OperationCanceledException>(() => runner.Run(Runaway, 10, cancel.Token));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(10), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task A_runaway_query_does_not_hold_up_another()
    {
        var runner = new SandboxedQueryRunner(research.ResearchPath, new ResearchOptions { Timeout = TimeSpan.FromSeconds(20) });
        using var cancel = new CancellationTokenSource();
        var runaway = Task.Run(() => runner.Run(Runaway, 10, cancel.Token));
        await Task.Delay(300);

        var watch = Stopwatch.StartNew();
        var quick = runner.Run("SELECT count(*) FROM org_unit", 10);
        var elapsed = watch.Elapsed;
        cancel.Cancel();

        Assert.False(runaway.IsCompleted);
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"took {elapsed}");
        Assert.Single(quick.Rows);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runaway);
    }

    public void Dispose() => research.Dispose();
}
