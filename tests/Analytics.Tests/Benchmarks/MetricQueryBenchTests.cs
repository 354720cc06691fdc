using Analytics.Etl.Benchmarks;
using Analytics.Tests.Metrics;

namespace Analytics.Tests.Benchmarks;

public sealed class MetricQueryBenchTests
{
    [Fact]
    public void Percentiles_are_nearest_rank()
    {
        double[] sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        Assert.Equal(5, MetricQueryBench.Percentile(sorted, 0.50));
        Assert.Equal(10, MetricQueryBench.Percentile(sorted, 0.95));
        Assert.Equal(7, MetricQueryBench.Percentile([7], 0.95));
    }

    [Fact]
    public void Each_snapshot_date_and_a_date_between_each_two_are_called_in_every_round()
    {
        using var w = HandBuiltWarehouse.Create();
        var result = MetricQueryBench.Measure(w.Connection, "district_progress");
        // Three snapshots and two dates between them, three timed rounds.
        Assert.Equal(5 * MetricQueryBench.Rounds, result.Calls);

        var measures = MetricQueryBench.Measures(w.Connection, "hand-built", "city_progress").ToList();
        Assert.Equal(3, measures.Count);
        Assert.Equal(MetricQueryBench.P95TargetMilliseconds, measures[1].Target);
        Assert.Throws<ArgumentException>(() => MetricQueryBench.Measure(w.Connection, "district_progress(1); DROP TABLE x; --"));
    }
}
