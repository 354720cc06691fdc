using Analytics.Etl.Forecasting;

namespace Analytics.Tests.Forecasting;

public class BacktestTests
{
    [Fact]
    public void PerfectLinearTrend_DriftIsExact_NaiveMaseMatchesHandComputation()
    {
        // y = 100 + 10·(year − 2015), 2015..2022. Origins 2017..2021 (3 years known), horizons up to 3:
        // origins 2017, 2018, 2019 give h = 1, 2, 3; 2020 gives h = 1, 2; 2021 gives h = 1 → 12 forecasts.
        // Naive errors are 10·h: Σh = 3·6 + 3 + 1 = 22 → MAE = 220/12; the MASE scale is the one-year change 10,
        // so MASE = 22/12.
        var series = new[] { SyntheticHistory.LinearTrend("510104", 100, 10, 2015, 2022) };
        var report = RollingOriginBacktest.Run(series, [new NaiveForecaster(), new DriftForecaster()], minYears: 3, maxHorizon: 3);

        var naive = report.Overall(NaiveForecaster.MethodName)!;
        var drift = report.Overall(DriftForecaster.MethodName)!;
        Assert.Equal(12, naive.Forecasts);
        Assert.Equal(220.0 / 12, naive.Mae, 9);
        Assert.Equal(22.0 / 12, naive.Mase, 9);
        Assert.Equal(0, drift.Mae, 9);
        Assert.Equal(0, drift.Mase, 9);
        Assert.True(drift.Mase < naive.Mase);
        Assert.Equal(naive.Mase, report.For(NaiveForecaster.MethodName, "510104")!.Mase, 9);
    }

    [Fact]
    public void Intervals_FromResiduals_CoverAsMeasured()
    {
        var history = SyntheticHistory.City();
        var report = RollingOriginBacktest.Run(history, [new NaiveForecaster()], minYears: 4, maxHorizon: 3);
        var intervals = IntervalCalibration.From(report.Forecasts, NaiveForecaster.MethodName)!;

        Assert.Equal([1, 2, 3], intervals.Widths.Select(w => w.Horizon));
        Assert.All(intervals.Widths, w => Assert.True(w.Relative95 >= w.Relative80 && w.Relative80 >= 0));
        Assert.InRange(intervals.Coverage80, 0.5, 1.0);
        Assert.True(intervals.Coverage95 >= intervals.Coverage80);
        // Beyond the longest backtested horizon the width grows with √h.
        Assert.Equal(intervals.At(3).Relative80 * Math.Sqrt(6.0 / 3), intervals.At(6).Relative80, 9);
    }

    [Fact]
    public void Quantile_InterpolatesBetweenOrderStatistics()
    {
        Assert.Equal(4.2, IntervalCalibration.Quantile([1, 2, 3, 4, 5, 6], 0.64), 9);
    }
}
