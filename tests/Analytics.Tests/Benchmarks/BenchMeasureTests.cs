using Analytics.Etl.Benchmarks;
using Analytics.Etl.Extracts;

namespace Analytics.Tests.Benchmarks;

public sealed class BenchMeasureTests
{
    [Fact]
    public void A_ceiling_ratio_is_value_over_target_and_met_up_to_one()
    {
        var met = BenchMeasure.AtMost("fit", 2.5, "s", 5);
        var missed = BenchMeasure.AtMost("main job", 90, "s", 60);
        var exact = BenchMeasure.AtMost("page", 1000, "ms", 1000);

        Assert.Equal(0.5, met.Ratio);
        Assert.True(met.Met);
        Assert.Equal(1.5, missed.Ratio);
        Assert.False(missed.Met);
        Assert.Equal(1.0, exact.Ratio);
        Assert.True(exact.Met);
    }

    [Fact]
    public void A_floor_ratio_is_target_over_value_so_one_or_less_still_means_met()
    {
        var fast = BenchMeasure.AtLeast("throughput", 80_000, "rows/s", 40_000);
        var slow = BenchMeasure.AtLeast("throughput", 20_000, "rows/s", 40_000);
        var none = BenchMeasure.AtLeast("throughput", 0, "rows/s", 40_000);

        Assert.Equal(0.5, fast.Ratio);
        Assert.True(fast.Met);
        Assert.Equal(2.0, slow.Ratio);
        Assert.False(slow.Met);
        Assert.Equal(double.PositiveInfinity, none.Ratio);
        Assert.False(none.Met);
    }

    [Fact]
    public void Information_has_no_ratio_and_no_verdict()
    {
        var info = BenchMeasure.Info("appender", 900_000, "rows/s");
        Assert.Null(info.Ratio);
        Assert.Null(info.Met);
    }

    [Fact]
    public void Median_of_odd_and_even_counts_and_warm_median_skips_the_warm_up()
    {
        Assert.Equal(3, BenchStats.Median([5, 1, 3]));
        Assert.Equal(2.5, BenchStats.Median([4, 1, 3, 2]));
        Assert.Throws<ArgumentException>(() => BenchStats.Median([]));

        var calls = new List<int>();
        BenchStats.WarmMedianSeconds(3, calls.Add);
        Assert.Equal([-1, 0, 1, 2], calls);
        Assert.Equal(50_000, BenchStats.PerSecond(100_000, 2));
    }

    [Fact]
    public void The_table_prints_value_target_ratio_and_names_each_missed_target()
    {
        var output = new StringWriter();
        BenchTable.Write(output, [BenchMeasure.AtMost("主任务 main job", 90, "s", 60), BenchMeasure.AtMost("fit", 2.5, "s", 5), BenchMeasure.Info("appender", 900_000, "rows/s")]);
        var lines = output.ToString().Split(Environment.NewLine);

        Assert.Contains(lines, l => l.StartsWith("主任务 main job", StringComparison.Ordinal) && l.Contains("90.00 s") && l.Contains("≤ 60.00 s") && l.Contains("1.50") && l.Contains("MISSED"));
        Assert.Contains(lines, l => l.StartsWith("fit", StringComparison.Ordinal) && l.Contains("0.50") && l.Contains("met") && !l.Contains("MISSED"));
        Assert.Contains(lines, l => l.StartsWith("appender", StringComparison.Ordinal) && l.Contains("900,000 rows/s") && l.Contains('—'));
        Assert.Contains("1 target(s) missed: 主任务 main job", output.ToString());
    }

    [Fact]
    public void The_scaled_roster_gets_other_valid_people_of_the_same_birth_date_and_gender()
    {
        const string first17 = "51010419900307123";
        var id = first17 + IdNumber.CheckCharOf(first17);
        var other = RosterScaler.OtherPerson(id, 1);

        Assert.NotEqual(id, other);
        Assert.Equal(id[..14], other[..14]);
        Assert.Equal(id[16], other[16]);
        Assert.True(IdNumber.TryNormalise(other, out _, out var problem), problem?.ReasonEn);
        Assert.Equal("5.10104E+17", RosterScaler.OtherPerson("5.10104E+17", 2));
    }
}
